//===- NMOps.td - Operations of the nm dialect -------------*- tablegen -*-===//

#ifndef NM_OPS
#define NM_OPS

include "nm/IR/NMDialect.td"
include "nm/IR/NMTypes.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

def NM_ReduceKind : I32EnumAttr<"ReduceKind", "a reduction operator", [
    I32EnumAttrCase<"sum", 0>, I32EnumAttrCase<"prod", 1>,
    I32EnumAttrCase<"max", 2>, I32EnumAttrCase<"min", 3>,
    I32EnumAttrCase<"land", 4>, I32EnumAttrCase<"lor", 5>]> {
  let cppNamespace = "::mlir::nm";
  let genSpecializedAttr = 0;
}

def NM_ReduceKindAttr : EnumAttr<NM_Dialect, NM_ReduceKind, "reduce"> {
  let assemblyFormat = "`<` $value `>`";
}

/// The scalar types a message can carry without pickling.
def NM_Scalar : AnyTypeOf<[I64, F64, I1]>;
/// What a list holds: scalars or strings.
def NM_ListElement : AnyTypeOf<[I64, F64, I1, NM_StrType]>;

//===----------------------------------------------------------------------===//
// Communicators and process identity
//===----------------------------------------------------------------------===//

def NM_CommWorldOp : NM_Op<"comm_world", [Pure]> {
  let summary = "MPI.COMM_WORLD";
  let results = (outs NM_CommType:$comm);
  let assemblyFormat = "attr-dict";
}

def NM_RankOp : NM_Op<"rank", [Pure]> {
  let summary = "This process's rank in a communicator (comm.Get_rank())";
  let arguments = (ins NM_CommType:$comm);
  let results = (outs I64:$rank);
  let assemblyFormat = "$comm attr-dict";
}

def NM_SizeOp : NM_Op<"size", [Pure]> {
  let summary = "The number of processes in a communicator (comm.Get_size())";
  let arguments = (ins NM_CommType:$comm);
  let results = (outs I64:$size);
  let assemblyFormat = "$comm attr-dict";
}

def NM_WtimeOp : NM_Op<"wtime"> {
  let summary = "Wall-clock time in seconds (MPI.Wtime())";
  let results = (outs F64:$time);
  let assemblyFormat = "attr-dict";
}

def NM_ClockKind : I32EnumAttr<"ClockKind", "a clock of Python's time module", [
  I32EnumAttrCase<"time", 0>,
  I32EnumAttrCase<"perf_counter", 1>,
]> {
  let cppNamespace = "::mlir::nm";
  let genSpecializedAttr = 0;
}
def NM_ClockKindAttr : EnumAttr<NM_Dialect, NM_ClockKind, "clock"> {
  let assemblyFormat = "`<` $value `>`";
}

def NM_ClockOp : NM_Op<"clock"> {
  let summary = "Seconds on one of Python's clocks (time.time(), time.perf_counter())";
  let description = [{
    `time` is the seconds since the Unix epoch (CLOCK_REALTIME);
    `perf_counter` a monotonic clock with an arbitrary origin
    (CLOCK_MONOTONIC), as CPython reads them.

    ```mlir
    %t = nm.clock <time>
    %p = nm.clock <perf_counter>
    ```
  }];
  let arguments = (ins NM_ClockKindAttr:$kind);
  let results = (outs F64:$seconds);
  let assemblyFormat = "$kind attr-dict";
}

def NM_SleepOp : NM_Op<"sleep"> {
  let summary = "Suspend this rank for some seconds (time.sleep())";
  let description = [{
    A negative duration raises `ValueError: sleep length must be
    non-negative`, as Python does.

    ```mlir
    nm.sleep %seconds
    ```
  }];
  let arguments = (ins F64:$seconds);
  let assemblyFormat = "$seconds attr-dict";
}

//===----------------------------------------------------------------------===//
// Python's functions with their own algorithms
//===----------------------------------------------------------------------===//

def NM_LibraryFunction : I32EnumAttr<"LibraryFunction",
    "a function of Python or its math module that the runtime computes", [
  I32EnumAttrCase<"gcd", 0>,
  I32EnumAttrCase<"factorial", 1>,
  I32EnumAttrCase<"pow_mod", 2>,
  I32EnumAttrCase<"round_digits", 3>,
  I32EnumAttrCase<"round_digits_numba", 4>,
  I32EnumAttrCase<"isclose", 5>,
  I32EnumAttrCase<"fsum", 6>,
  I32EnumAttrCase<"int_from_str", 7>,
  I32EnumAttrCase<"float_from_str", 8>,
  I32EnumAttrCase<"round_int_digits", 9>,
  I32EnumAttrCase<"sum", 10>,
  I32EnumAttrCase<"min", 11>,
  I32EnumAttrCase<"max", 12>,
  I32EnumAttrCase<"pairwise_sum", 13>,
]> {
  let cppNamespace = "::mlir::nm";
  let genSpecializedAttr = 0;
}
def NM_LibraryFunctionAttr
    : EnumAttr<NM_Dialect, NM_LibraryFunction, "library_function"> {
  let assemblyFormat = "`<` $value `>`";
}

def NM_LibraryCallOp : NM_Op<"library_call"> {
  let summary = "A Python function with CPython's algorithm and errors";
  let description = [{
    The functions whose results or exceptions no arith or math op gives:

    | function | operands -> result | Python |
    |---|---|---|
    | `gcd` | i64, i64 -> i64 | `math.gcd(a, b)` |
    | `factorial` | i64 -> i64 | `math.factorial(n)` |
    | `pow_mod` | i64, i64, i64 -> i64 | `pow(a, b, m)` |
    | `round_digits` | f64, i64 -> f64 | `round(x, n)`, correctly rounded |
    | `round_digits_numba` | f64, i64 -> f64 | Numba's `round(x, n)` |
    | `round_int_digits` | i64, i64 -> i64 | `round(n, k)` of an int |
    | `isclose` | f64, f64, f64, f64 -> i1 | `math.isclose(a, b, rel_tol=, abs_tol=)` |
    | `fsum` | list or 1-d f64 memref -> f64 | `math.fsum(xs)` |
    | `sum`, `min`, `max` | list or 1-d f64 memref -> its element (i64 for a sum of i1) | `sum(xs)`, `min(xs)`, `max(xs)` |
    | `pairwise_sum` | 1-d f64 memref -> f64 | `np.sum(a)` in NumPy's pairwise order |
    | `int_from_str` | !nm.str -> i64 | `int(s)` |
    | `float_from_str` | !nm.str -> f64 | `float(s)` |

    Each raises what CPython raises (`ValueError: factorial() not defined
    for negative values`, ...) at the op's location.

    ```mlir
    %g = nm.library_call <gcd>(%a, %b) : (i64, i64) -> i64
    %s = nm.library_call <fsum>(%xs) : (!nm.list<f64>) -> f64
    ```
  }];
  let arguments = (ins NM_LibraryFunctionAttr:$function,
                       Variadic<AnyType>:$operands);
  let results = (outs NM_Scalar:$result);
  let assemblyFormat = [{
    $function `(` $operands `)` attr-dict `:` functional-type($operands, $result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Collectives
//===----------------------------------------------------------------------===//

def NM_BarrierOp : NM_Op<"barrier"> {
  let summary = "Block until every rank of the communicator arrives";
  let arguments = (ins NM_CommType:$comm);
  let assemblyFormat = "$comm attr-dict";
}

def NM_GatherOp : NM_Op<"gather"> {
  let summary = "Collect one value from every rank at the root";
  let description = [{
    `comm.gather(value, root=r)` for a scalar: at the root, a list of every
    rank's value in rank order; on the other ranks, `None`.

    ```mlir
    %all = nm.gather %x to %root on %comm : f64 -> !nm.list<f64>
    ```
  }];
  let arguments = (ins NM_CommType:$comm, NM_Scalar:$value, I64:$root);
  let results = (outs NM_ListType:$result);
  let assemblyFormat = [{
    $value `to` $root `on` $comm attr-dict `:` type($value) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def NM_AllgatherOp : NM_Op<"allgather"> {
  let summary = "Collect one value from every rank at every rank";
  let description = [{
    `comm.allgather(value)` for a scalar: on every rank, a list of every
    rank's value in rank order.

    ```mlir
    %all = nm.allgather %x on %comm : f64 -> !nm.list<f64>
    ```
  }];
  let arguments = (ins NM_CommType:$comm, NM_Scalar:$value);
  let results = (outs NM_ListType:$result);
  let assemblyFormat = [{
    $value `on` $comm attr-dict `:` type($value) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def NM_BcastOp : NM_Op<"bcast", [AllTypesMatch<["value", "result"]>]> {
  let summary = "Give the root's value to every rank";
  let description = [{
    `comm.bcast(value, root=r)` for a scalar: every rank gets the root's
    value (the others' values are ignored).

    ```mlir
    %v = nm.bcast %x from %root on %comm : f64
    ```
  }];
  let arguments = (ins NM_CommType:$comm, NM_Scalar:$value, I64:$root);
  let results = (outs NM_Scalar:$result);
  let assemblyFormat = "$value `from` $root `on` $comm attr-dict `:` type($value)";
}

def NM_AllreduceOp : NM_Op<"allreduce", [AllTypesMatch<["value", "result"]>]> {
  let summary = "Combine one value from every rank and give it to all ranks";
  let description = [{
    `comm.allreduce(value, op=MPI.SUM)` for a scalar.

    ```mlir
    %s = nm.allreduce <sum> %x on %comm : f64
    ```
  }];
  let arguments = (ins NM_CommType:$comm, NM_Scalar:$value,
                       NM_ReduceKindAttr:$kind);
  let results = (outs NM_Scalar:$result);
  let assemblyFormat = "$kind $value `on` $comm attr-dict `:` type($value)";
  let hasVerifier = 1;
}

def NM_ScanOp : NM_Op<"scan", [AllTypesMatch<["value", "result"]>]> {
  let summary = "Combine the values of ranks 0 to this one (inclusive prefix)";
  let description = [{
    `comm.scan(value, op=MPI.SUM)` for a scalar: rank r gets the values of
    ranks 0..r combined.

    ```mlir
    %s = nm.scan <sum> %x on %comm : i64
    ```
  }];
  let arguments = (ins NM_CommType:$comm, NM_Scalar:$value,
                       NM_ReduceKindAttr:$kind);
  let results = (outs NM_Scalar:$result);
  let assemblyFormat = "$kind $value `on` $comm attr-dict `:` type($value)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Lists
//===----------------------------------------------------------------------===//

def NM_ListFromElementsOp : NM_Op<"list_from_elements"> {
  let summary = "A list literal, `[a, b, c]`: a new list";
  let description = [{
    Each evaluation makes a new, mutable list: two equal literals are two
    lists (appending to one does not change the other), so the op
    allocates (MemAlloc on its result) and CSE never merges two of them;
    an unused one is still dropped.

    ```mlir
    %l = nm.list_from_elements %a, %b : f64, f64 -> !nm.list<f64>
    ```
  }];
  let arguments = (ins Variadic<NM_ListElement>:$elements);
  let results = (outs Res<NM_ListType, "", [MemAlloc]>:$result);
  let assemblyFormat = [{
    ($elements^ `:` type($elements))? `->` qualified(type($result)) attr-dict
  }];
  let hasVerifier = 1;
}

def NM_ListLenUse : I32EnumAttr<"ListLenUse",
    "what a list's length is taken for, which picks the TypeError for None", [
  I32EnumAttrCase<"len", 0>,
  I32EnumAttrCase<"iter", 1>,
  I32EnumAttrCase<"subscript", 2>,
  I32EnumAttrCase<"store", 3>,
]> {
  let cppNamespace = "::mlir::nm";
  let genSpecializedAttr = 0;
}
def NM_ListLenUseAttr : EnumAttr<NM_Dialect, NM_ListLenUse, "list_len_use"> {
  let assemblyFormat = "`<` $value `>`";
}

def NM_ListLenOp : NM_Op<"list_len"> {
  let summary = "len(list), or the length a loop or a slice of it needs";
  let description = [{
    Raises Python's `TypeError` when the list is `None`, with the message
    of what the length is for:

    | use | message |
    |---|---|
    | `len` (the default) | object of type 'NoneType' has no len() |
    | `iter` (a `for` loop) | 'NoneType' object is not iterable |
    | `subscript` (`l[a:b]`) | 'NoneType' object is not subscriptable |
    | `store` (`l[a:b] = v`) | 'NoneType' object does not support item assignment |

    ```mlir
    %n = nm.list_len %l : !nm.list<f64>
    %m = nm.list_len %l for <iter> : !nm.list<f64>
    ```
  }];
  let arguments = (ins NM_ListType:$list,
      DefaultValuedAttr<NM_ListLenUseAttr, "::mlir::nm::ListLenUse::len">:$use);
  let results = (outs I64:$length);
  let assemblyFormat = "$list (`for` $use^)? attr-dict `:` qualified(type($list))";
  // The length of a list literal is known, and a literal is never None.
  let hasFolder = 1;
}

def NM_ListGetOp : NM_Op<"list_get", [
    TypesMatchWith<"result is the list's element type", "list", "result",
                   "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "list[index] with Python's negative indices and IndexError";
  let arguments = (ins NM_ListType:$list, I64:$index);
  let results = (outs NM_ListElement:$result);
  let assemblyFormat = "$list `[` $index `]` attr-dict `:` qualified(type($list))";
  // A constant index into a list literal is that element.
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Python-level values: strings, printing, exceptions
//===----------------------------------------------------------------------===//

def NM_ArgvOp : NM_Op<"argv"> {
  let summary = "sys.argv: the program's arguments as a list of str";
  let description = [{
    The command line the executable was started with, its path first
    (Python's `sys.argv` starts with the script's path instead).

    ```mlir
    %args = nm.argv : !nm.list<!nm.str>
    ```
  }];
  let results = (outs NM_ListType:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def NM_ListSetOp : NM_Op<"list_set", [
    TypesMatchWith<"value is the list's element type", "list", "value",
                   "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "list[index] = value with Python's indices and IndexError";
  let arguments = (ins NM_ListType:$list, I64:$index, NM_ListElement:$value);
  let assemblyFormat = [{
    $list `[` $index `]` `,` $value attr-dict `:` qualified(type($list))
  }];
}

def NM_ListAppendOp : NM_Op<"list_append", [
    TypesMatchWith<"value is the list's element type", "list", "value",
                   "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "list.append(value); AttributeError for None";
  let arguments = (ins NM_ListType:$list, NM_ListElement:$value);
  let assemblyFormat = "$list `,` $value attr-dict `:` qualified(type($list))";
}

def NM_ListRepeatOp : NM_Op<"list_repeat", [AllTypesMatch<["list", "result"]>]> {
  let summary = "list * count: a new list, empty for a count below 1";
  let arguments = (ins NM_ListType:$list, I64:$count);
  let results = (outs NM_ListType:$result);
  let assemblyFormat = "$list `,` $count attr-dict `:` qualified(type($list))";
}

def NM_ListInsertOp : NM_Op<"list_insert", [
    TypesMatchWith<"value is the list's element type", "list", "value",
                   "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "list.insert(index, value), with Python's clamping of index";
  let description = [{
    A negative index counts from the end; an index outside the list puts
    the value at its front or end, as Python does.

    ```mlir
    nm.list_insert %l[%i], %x : !nm.list<f64>
    ```
  }];
  let arguments = (ins NM_ListType:$list, I64:$index, NM_ListElement:$value);
  let assemblyFormat = [{
    $list `[` $index `]` `,` $value attr-dict `:` qualified(type($list))
  }];
}

def NM_ListPopOp : NM_Op<"list_pop", [
    TypesMatchWith<"result is the list's element type", "list", "result",
                   "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "list.pop(index): removes and returns an element";
  let description = [{
    `list.pop()` is index -1. Raises Python's `IndexError` ("pop from empty
    list", "pop index out of range").

    ```mlir
    %last = nm.list_pop %l[%minus_one] : !nm.list<i64>
    ```
  }];
  let arguments = (ins NM_ListType:$list, I64:$index);
  let results = (outs NM_ListElement:$result);
  let assemblyFormat = "$list `[` $index `]` attr-dict `:` qualified(type($list))";
}

def NM_ListSearchKind : I32EnumAttr<"ListSearchKind",
    "what a list search does with the elements equal to the value", [
  I32EnumAttrCase<"contains", 0>,
  I32EnumAttrCase<"index", 1>,
  I32EnumAttrCase<"count", 2>,
  I32EnumAttrCase<"remove", 3>,
]> {
  let cppNamespace = "::mlir::nm";
  let genSpecializedAttr = 0;
}
def NM_ListSearchKindAttr : EnumAttr<NM_Dialect, NM_ListSearchKind,
                                     "list_search"> {
  let assemblyFormat = "`<` $value `>`";
}

def NM_ListSearchOp : NM_Op<"list_search", [
    TypesMatchWith<"value is the list's element type", "list", "value",
                   "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "`value in list`, list.index/count/remove(value)";
  let description = [{
    Compares the elements with `==` (a NaN equals nothing):

    | kind | result |
    |---|---|
    | `contains` | 1 if an element equals the value, else 0 |
    | `index` | the first such element's index; `ValueError` if none |
    | `count` | how many there are |
    | `remove` | 0, removing the first; `ValueError` if none |

    `numba` selects Numba's message for a failed `index` ("value not in
    list") over CPython's ("3 is not in list").

    ```mlir
    %n = nm.list_search <count> %l, %x : !nm.list<f64>
    ```
  }];
  let arguments = (ins NM_ListType:$list, NM_ListElement:$value,
                       NM_ListSearchKindAttr:$kind, UnitAttr:$numba);
  let results = (outs I64:$result);
  let assemblyFormat = [{
    $kind $list `,` $value (`numba` $numba^)? attr-dict `:` qualified(type($list))
  }];
}

def NM_ListExtendOp : NM_Op<"list_extend", [
    AllTypesMatch<["list", "other"]>]> {
  let summary = "list.extend(other) or list += other, in place";
  let description = [{
    Appends the elements of `other`, which may be the list itself. `iadd`
    gives the TypeErrors of `+=` for None instead of those of `extend`.

    ```mlir
    nm.list_extend %l, %more : !nm.list<i64>
    ```
  }];
  let arguments = (ins NM_ListType:$list, NM_ListType:$other, UnitAttr:$iadd);
  let assemblyFormat = [{
    $list `,` $other (`iadd` $iadd^)? attr-dict `:` qualified(type($list))
  }];
}

def NM_ListConcatOp : NM_Op<"list_concat", [
    AllTypesMatch<["lhs", "rhs", "result"]>]> {
  let summary = "lhs + rhs of lists: a new list";
  let arguments = (ins NM_ListType:$lhs, NM_ListType:$rhs);
  let results = (outs NM_ListType:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` qualified(type($lhs))";
}

def NM_ListCopyOp : NM_Op<"list_copy", [AllTypesMatch<["list", "result"]>]> {
  let summary = "list(l), or l.copy() with `method`: a new list";
  let arguments = (ins NM_ListType:$list, UnitAttr:$method);
  let results = (outs NM_ListType:$result);
  let assemblyFormat = [{
    $list (`method` $method^)? attr-dict `:` qualified(type($list))
  }];
}

def NM_ListSliceOp : NM_Op<"list_slice", [AllTypesMatch<["list", "result"]>]> {
  let summary = "list[a:b:c]: a new list of `length` elements";
  let description = [{
    Copies the elements at `start`, `start + step`, ... (`length` of
    them): the bounds are already clamped to the list, as
    PySlice_AdjustIndices does, by the code that computes them.

    ```mlir
    %s = nm.list_slice %l[%start, %length, %step] : !nm.list<i64>
    ```
  }];
  let arguments = (ins NM_ListType:$list, I64:$start, I64:$length, I64:$step);
  let results = (outs NM_ListType:$result);
  let assemblyFormat = [{
    $list `[` $start `,` $length `,` $step `]` attr-dict `:` qualified(type($list))
  }];
}

def NM_ListSetSliceOp : NM_Op<"list_set_slice", [AllTypesMatch<["list", "values"]>]> {
  let summary = "list[a:b:c] = values";
  let description = [{
    With a step of 1 the `length` elements at `start` are replaced by the
    values, however many there are; with another step there must be
    `length` values (Python's `ValueError: attempt to assign sequence of
    size 2 to extended slice of size 3` otherwise). The values are read
    before the list changes, so `l[1:] = l` works.

    ```mlir
    nm.list_set_slice %l[%start, %length, %step], %v : !nm.list<i64>
    ```
  }];
  let arguments = (ins NM_ListType:$list, I64:$start, I64:$length, I64:$step,
                       NM_ListType:$values);
  let assemblyFormat = [{
    $list `[` $start `,` $length `,` $step `]` `,` $values attr-dict `:` qualified(type($list))
  }];
}

def NM_ListSortOp : NM_Op<"list_sort"> {
  let summary = "list.sort(), by the elements or by a list of keys";
  let description = [{
    A stable sort in place, comparing with `<` as CPython's does; with
    `keys` (one per element, of any list element type) the elements are
    ordered by their keys. A true `reverse` sorts in descending order
    keeping equal elements in their order, as `reverse=True` does.

    ```mlir
    nm.list_sort %l reverse %false : !nm.list<f64>
    nm.list_sort %l by %keys reverse %r : !nm.list<str>, !nm.list<i64>
    ```
  }];
  let arguments = (ins NM_ListType:$list, Optional<NM_ListType>:$keys,
                       I1:$reverse);
  let assemblyFormat = [{
    $list (`by` $keys^)? `reverse` $reverse attr-dict `:` qualified(type($list)) (`,` qualified(type($keys))^)?
  }];
}

def NM_ListReverseOp : NM_Op<"list_reverse"> {
  let summary = "list.reverse(), in place";
  let arguments = (ins NM_ListType:$list);
  let assemblyFormat = "$list attr-dict `:` qualified(type($list))";
}

def NM_ListClearOp : NM_Op<"list_clear"> {
  let summary = "list.clear()";
  let arguments = (ins NM_ListType:$list);
  let assemblyFormat = "$list attr-dict `:` qualified(type($list))";
}

def NM_ListRangeOp : NM_Op<"list_range"> {
  let summary = "list(range(start, stop, step)): a new list of ints";
  let description = [{
    Raises `ValueError` for a zero step, as range() does.

    ```mlir
    %l = nm.list_range %start, %stop, %step : !nm.list<i64>
    ```
  }];
  let arguments = (ins I64:$start, I64:$stop, I64:$step);
  let results = (outs NM_ListType:$result);
  let assemblyFormat = [{
    $start `,` $stop `,` $step attr-dict `:` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def NM_ListUnpackOp : NM_Op<"list_unpack"> {
  let summary = "`a, b = list`: the elements of a list of known length";
  let description = [{
    Raises Python's `ValueError` ("not enough values to unpack (expected 2,
    got 1)", "too many values to unpack (expected 2)") unless the list has
    as many elements as the op has results; with `numba`, Numba's bare
    `ValueError`. A None list raises `TypeError`.

    ```mlir
    %a, %b = nm.list_unpack %l : !nm.list<f64> -> f64, f64
    ```
  }];
  let arguments = (ins NM_ListType:$list, UnitAttr:$numba);
  let results = (outs Variadic<NM_ListElement>:$elements);
  let assemblyFormat = [{
    $list (`numba` $numba^)? attr-dict `:` qualified(type($list)) `->` type($elements)
  }];
  let hasVerifier = 1;
}

def NM_ConstantStrOp : NM_Op<"constant_str", [Pure]> {
  let summary = "A string literal";
  let description = [{
    ```mlir
    %s = nm.constant_str "sum ="
    ```
  }];
  let arguments = (ins StrAttr:$value);
  let results = (outs NM_StrType:$result);
  let assemblyFormat = "$value attr-dict";
}

/// What format() and f-strings format.
def NM_Formattable : AnyTypeOf<[I64, F64, I1, NM_StrType]>;

def NM_FormatOp : NM_Op<"format"> {
  let summary = "format(value, spec): a new string";
  let description = [{
    Python's format-spec mini-language (fill, align, sign, `z`, `#`, `0`,
    width, grouping, precision, type) applied to an int, float, bool or
    str, as CPython 3.11's `format()` does; `format(x, "")` is `str(x)`. A
    spec that does not apply raises CPython's `ValueError` ("Unknown format
    code 'd' for object of type 'float'").

    ```mlir
    %s = nm.format %x, %spec : f64
    ```
  }];
  let arguments = (ins NM_Formattable:$value, NM_StrType:$spec);
  let results = (outs NM_StrType:$result);
  let assemblyFormat = "$value `,` $spec attr-dict `:` type($value)";
}

// The ops that make strings are not Pure: each result is a new string that
// its last use frees (NMToMPI), so none may be merged or moved.
def NM_ReprOp : NM_Op<"repr"> {
  let summary = "repr() of a string: quoted, with backslash escapes";
  let arguments = (ins NM_StrType:$value);
  let results = (outs NM_StrType:$result);
  let assemblyFormat = "$value attr-dict";
}

def NM_StrMethod : I32EnumAttr<"StrMethod",
    "a str method or operator that the runtime computes", [
  I32EnumAttrCase<"upper", 0>,
  I32EnumAttrCase<"lower", 1>,
  I32EnumAttrCase<"strip", 2>,
  I32EnumAttrCase<"lstrip", 3>,
  I32EnumAttrCase<"rstrip", 4>,
  I32EnumAttrCase<"startswith", 5>,
  I32EnumAttrCase<"endswith", 6>,
  I32EnumAttrCase<"replace", 7>,
  I32EnumAttrCase<"split", 8>,
  I32EnumAttrCase<"join", 9>,
  I32EnumAttrCase<"repeat", 10>,
  I32EnumAttrCase<"getitem", 11>,
  I32EnumAttrCase<"slice", 12>,
]> {
  let cppNamespace = "::mlir::nm";
  let genSpecializedAttr = 0;
}
def NM_StrMethodAttr : EnumAttr<NM_Dialect, NM_StrMethod, "str_method"> {
  let assemblyFormat = "`<` $value `>`";
}

def NM_StrMethodOp : NM_Op<"str_method"> {
  let summary = "A str method (or `s * n`) with CPython's results and errors";
  let description = [{
    | method | operands -> result | Python |
    |---|---|---|
    | `upper`, `lower` | str -> str | `s.upper()`, `s.lower()` |
    | `strip`, `lstrip`, `rstrip` | str[, str] -> str | `s.strip()`, `s.strip(chars)` |
    | `startswith`, `endswith` | str, str -> i1 | `s.startswith(prefix)` |
    | `replace` | str, str, str, i64 -> str | `s.replace(old, new, count)`, -1 for all |
    | `split` | str[, str], i64 -> list<str> | `s.split()`, `s.split(sep, maxsplit)`, -1 for no limit |
    | `join` | str, list<str> -> str | `sep.join(parts)` |
    | `repeat` | str, i64 -> str | `s * n` |
    | `getitem` | str, i64 -> str | `s[i]`, a code point |
    | `slice` | str, i64, i64, i64 -> str | `s[a:b:c]` as start, length, step (clamped) |

    ```mlir
    %u = nm.str_method <upper>(%s) : (!nm.str) -> !nm.str
    %w = nm.str_method <split>(%s, %n) : (!nm.str, i64) -> !nm.list<!nm.str>
    ```
  }];
  let arguments = (ins NM_StrMethodAttr:$method, Variadic<AnyType>:$operands);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $method `(` $operands `)` attr-dict `:` functional-type($operands, results)
  }];
  let hasVerifier = 1;
}

def NM_ListReprOp : NM_Op<"list_repr"> {
  let summary = "repr() of a list, as print writes it; `None` for None";
  let description = [{
    ```mlir
    %s = nm.list_repr %l : !nm.list<!nm.str>
    ```
  }];
  let arguments = (ins NM_ListType:$list);
  let results = (outs NM_StrType:$result);
  let assemblyFormat = "$list attr-dict `:` qualified(type($list))";
}

def NM_StrConcatOp : NM_Op<"str_concat"> {
  let summary = "The strings one after the other (`+`, f-strings)";
  let description = [{
    ```mlir
    %s = nm.str_concat %a, %b, %c
    ```
  }];
  let arguments = (ins Variadic<NM_StrType>:$parts);
  let results = (outs NM_StrType:$result);
  let assemblyFormat = "$parts attr-dict";
}

def NM_StrCompareOp : NM_Op<"str_compare", [Pure]> {
  let summary = "The order of two strings: negative, 0 or positive";
  let description = [{
    Python orders strings by code point, which is the order of their UTF-8
    bytes: the result is the sign of `strcmp`.
  }];
  let arguments = (ins NM_StrType:$lhs, NM_StrType:$rhs);
  let results = (outs I64:$order);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
}

def NM_StrContainsOp : NM_Op<"str_contains", [Pure]> {
  let summary = "`needle in haystack` of two strings";
  let arguments = (ins NM_StrType:$haystack, NM_StrType:$needle);
  let results = (outs I1:$found);
  let assemblyFormat = "$haystack `,` $needle attr-dict";
}

def NM_StrLenOp : NM_Op<"str_len", [Pure]> {
  let summary = "len() of a string: its code points";
  let arguments = (ins NM_StrType:$value);
  let results = (outs I64:$length);
  let assemblyFormat = "$value attr-dict";
}

/// What print() writes: numbers, strings and lists.
def NM_Printable : AnyTypeOf<[I64, F64, I1, NM_StrType, NM_ListType]>;

def NM_PrintOp : NM_Op<"print"> {
  let summary = "Write one value to stdout as Python's print writes it";
  let description = [{
    Writes `str(value)` without a separator or newline: an int, a float
    (shortest round-trip `repr`), `True`/`False`, a string as it is, or a
    list (`[1.0, 2.5]`, or `None` for a None list). `print(a, b)` is a
    sequence of these, with the separator and end as strings.

    ```mlir
    nm.print %x : f64
    nm.print %sep : !nm.str
    ```
  }];
  let arguments = (ins NM_Printable:$value);
  let assemblyFormat = "$value attr-dict `:` qualified(type($value))";
}

def NM_WriteOp : NM_Op<"write"> {
  let summary = "Write a string to stdout, or with `stderr` to stderr";
  let description = [{
    `sys.stdout.write(s)`, `sys.stderr.write(s)`, and the whole line of a
    `print(..., file=sys.stderr)` in one write.

    ```mlir
    nm.write %line to stderr
    ```
  }];
  let arguments = (ins NM_StrType:$text, UnitAttr:$stderr);
  let assemblyFormat = "$text (`to` `stderr` $stderr^)? attr-dict";
}

def NM_FlushOp : NM_Op<"flush"> {
  let summary = "Flush stdout, or with `stderr` stderr";
  let description = [{
    `print(..., flush=True)`, `sys.stdout.flush()`.

    ```mlir
    nm.flush
    nm.flush stderr
    ```
  }];
  let arguments = (ins UnitAttr:$stderr);
  let assemblyFormat = "(`stderr` $stderr^)? attr-dict";
}

def NM_RaiseOp : NM_Op<"raise"> {
  let summary = "Raise a Python exception and end the job";
  let description = [{
    Prints the exception as Python does (`ValueError: message`, with the
    source file and line of the op's location and the rank) to stderr and
    aborts every rank. Does not return; the block goes on only to keep the
    CFG simple. An empty message prints just the exception's name. The
    message is the attribute, or the `!nm.str` operand when there is one
    (`raise ValueError(msg)` of a str variable).

    ```mlir
    nm.raise "ZeroDivisionError", "division by zero"
    nm.raise "ValueError", ""(%msg)
    ```
  }];
  let arguments = (ins StrAttr:$exception, StrAttr:$message,
                       Optional<NM_StrType>:$text);
  let assemblyFormat = "$exception `,` $message (`(` $text^ `)`)? attr-dict";
}

def NM_ExitOp : NM_Op<"exit"> {
  let summary = "End this rank as sys.exit / raise SystemExit does";
  let description = [{
    Flushes stdout and ends the process with exit status `code`
    (`sys.exit(3)`), or writes the `!nm.str` message and a newline to stderr
    and ends with status 1 (`sys.exit("bad input")`). The ranks still
    running finish as they would under Python; a rank that has exited is
    waited for, so the job ends once all have. If the others do not all
    end within a few seconds (they wait for it in a collective), the job is
    aborted with the same status instead of hanging. Does not return.

    ```mlir
    nm.exit %code : i64
    nm.exit %message : !nm.str
    ```
  }];
  let arguments = (ins AnyTypeOf<[I64, NM_StrType]>:$value);
  let assemblyFormat = "$value attr-dict `:` qualified(type($value))";
}

def NM_RaiseIndexErrorOp : NM_Op<"raise_index_error"> {
  let summary = "Raise NumPy's IndexError for an index out of bounds";
  let description = [{
    `IndexError: index 10 is out of bounds for axis 0 with size 10`, then
    the job ends as with `nm.raise`.

    ```mlir
    nm.raise_index_error %index, %axis, %size
    ```
  }];
  let arguments = (ins I64:$index, I64:$axis, I64:$size);
  let assemblyFormat = "$index `,` $axis `,` $size attr-dict";
}

def NM_RaiseMemoryErrorOp : NM_Op<"raise_memory_error"> {
  let summary = "Raise NumPy's MemoryError for an allocation that failed";
  let description = [{
    `MemoryError: Unable to allocate 72.8 TiB for an array with shape
    (10000000000000,) and data type float64`, for an array of `elements`
    elements of `itemsize` bytes whose shape prints as `shape`, then the
    job ends as with `nm.raise`.

    ```mlir
    nm.raise_memory_error %n, %shape {dtype = "float64", itemsize = 8 : i64}
    ```
  }];
  let arguments = (ins I64:$elements, NM_StrType:$shape, StrAttr:$dtype,
                       I64Attr:$itemsize);
  let assemblyFormat = "$elements `,` $shape attr-dict";
}

#endif // NM_OPS
