//===- NMDialect.td - The nm dialect -----------------------*- tablegen -*-===//

#ifndef NM_DIALECT
#define NM_DIALECT

include "mlir/IR/OpBase.td"

def NM_Dialect : Dialect {
  let name = "nm";
  let summary = "Distribution and communication as first-class IR";
  let description = [{
    The `nm` dialect states the intent of an nmc program's communication:
    which rank it is, how many ranks there are, which values are gathered,
    reduced or distributed, and where. Ops take an explicit communicator
    (`!nm.comm`) so that Cartesian and split communicators are additions.
    The dialect lowers to the upstream `mpi` dialect where that dialect has
    the operation, and to calls into the nmc runtime library where it has
    not (MLIR 22's `mpi` dialect has no gather, scatter or broadcast).

    Python-level values that are not numbers have their own types and ops
    too (`!nm.str`, `!nm.list`, `nm.print`, `nm.raise`), so that only the
    lowerings know the runtime's C ABI. A module's `nm.source_name`
    attribute names the source file that runtime errors report.
  }];
  let extraClassDeclaration = [{
    /// The module attribute naming the program's source file.
    static ::llvm::StringRef getSourceNameAttrName() { return "nm.source_name"; }
  }];
  let cppNamespace = "::mlir::nm";
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  // Folded lengths become arith constants.
  let hasConstantMaterializer = 1;
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

class NM_Op<string mnemonic, list<Trait> traits = []>
    : Op<NM_Dialect, mnemonic, traits>;

#endif // NM_DIALECT
