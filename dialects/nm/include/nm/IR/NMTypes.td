//===- NMTypes.td - Types of the nm dialect ----------------*- tablegen -*-===//

#ifndef NM_TYPES
#define NM_TYPES

include "nm/IR/NMDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

class NM_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<NM_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def NM_CommType : NM_Type<"Comm", "comm"> {
  let summary = "An MPI communicator";
  let description = [{
    A communicator such as `MPI.COMM_WORLD`. Lowers to `!mpi.comm`.
  }];
}

def NM_ListType : NM_Type<"List", "list", [MemRefElementTypeInterface]> {
  let summary = "A Python list of scalars or strs, or None where a list was expected";
  let description = [{
    A homogeneous list, as `comm.gather` returns at the root. On other
    ranks `comm.gather` returns `None`; a list value can hold that `None`,
    so printing it prints `None` and iterating over it raises Python's
    `TypeError`. Lowers to a pointer to a runtime list object.
  }];
  let parameters = (ins "Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
  let genVerifyDecl = 1;
}

def NM_StrType : NM_Type<"Str", "str", [MemRefElementTypeInterface]> {
  let summary = "A Python str";
  let description = [{
    An immutable Python string: a literal, or one made at run time (an
    f-string, `+`, `str()`). Lowers to a pointer to NUL-terminated UTF-8.
  }];
}

#endif // NM_TYPES
