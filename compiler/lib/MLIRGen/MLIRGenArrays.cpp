//===- MLIRGenArrays.cpp - NumPy arrays as memrefs and linalg -------------===//
//
// Arrays are strided memrefs. Constructors allocate and fill them
// (linalg.fill); subscripts load elements or make views (memref.subview);
// whole-array expressions become one linalg.generic per expression tree,
// the operands broadcast to the result's shape through stride-0 views, so
// that `a[:] = b + s * c` is a single loop nest with no temporary.
//
//===----------------------------------------------------------------------===//

#include "MLIRGenerator.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include <limits>

using namespace nmc;
using namespace nmc::mlirgen;

//===----------------------------------------------------------------------===//
// Shapes and allocation
//===----------------------------------------------------------------------===//

/// NumPy's itemsize of an element type.
static int64_t itemSize(const Type &element) {
  return element.is(Type::Kind::Bool) ? 1 : 8;
}

/// NumPy's name of an element type.
static const char *dtypeName(const Type &element) {
  switch (element.getKind()) {
  case Type::Kind::Bool:
    return "bool";
  case Type::Kind::Int:
    return "int64";
  default:
    return "float64";
  }
}

llvm::SmallVector<mlir::Value> MLIRGenerator::arrayDims(mlir::Value array,
                                                        mlir::Location l) {
  auto type = llvm::cast<mlir::MemRefType>(array.getType());
  llvm::SmallVector<mlir::Value> dims;
  for (int64_t d = 0; d < type.getRank(); ++d)
    dims.push_back(
        fromIndex(mlir::memref::DimOp::create(builder, l, array, d), l));
  return dims;
}

mlir::Value MLIRGenerator::shapeText(llvm::ArrayRef<mlir::Value> dims,
                                     bool spaced, mlir::Location l) {
  // (3,), (2, 3) as a tuple prints; NumPy's broadcast messages write
  // (2,3).
  auto strType = mlir::nm::StrType::get(&context);
  llvm::SmallVector<mlir::Value> pieces{stringConstant("(", l)};
  for (size_t i = 0; i < dims.size(); ++i) {
    if (i)
      pieces.push_back(stringConstant(spaced ? ", " : ",", l));
    pieces.push_back(mlir::nm::FormatOp::create(builder, l, strType, dims[i],
                                                stringConstant("", l)));
  }
  pieces.push_back(stringConstant(dims.size() == 1 ? ",)" : ")", l));
  return mlir::nm::StrConcatOp::create(builder, l, strType, pieces);
}

void MLIRGenerator::raiseWithText(mlir::Value condition,
                                  llvm::StringRef excName,
                                  llvm::function_ref<mlir::Value()> genText,
                                  SourceLoc l) {
  mlir::Location location = loc(l);
  genIf(condition, location, [&] {
    mlir::nm::RaiseOp::create(builder, location, excName, "", genText());
  });
}

mlir::Value MLIRGenerator::allocateArray(const Type &type,
                                         llvm::ArrayRef<mlir::Value> dims,
                                         SourceLoc sl) {
  mlir::Location l = loc(sl);
  using Pred = mlir::arith::CmpIPredicate;
  auto cmp = [&](Pred pred, mlir::Value a, mlir::Value b) -> mlir::Value {
    return mlir::arith::CmpIOp::create(builder, l, pred, a, b);
  };
  mlir::Value zero = constInt(0, l);
  mlir::Value negative = constBool(false, l);
  for (mlir::Value d : dims)
    negative = mlir::arith::OrIOp::create(builder, l, negative,
                                          cmp(Pred::slt, d, zero));
  raiseIf(negative, "ValueError", "negative dimensions are not allowed", sl);
  // NumPy multiplies the byte count up axis by axis and refuses one that
  // does not fit an intp; a wrapped count would corrupt the heap.
  Type element = type.getElement();
  int64_t itemsize = itemSize(element);
  mlir::Value bytes = constInt(itemsize, l);
  mlir::Value elements = constInt(1, l);
  mlir::Value tooBig = constBool(false, l);
  mlir::Value max = constInt(std::numeric_limits<int64_t>::max(), l);
  for (mlir::Value d : dims) {
    mlir::Value divisor = mlir::arith::SelectOp::create(
        builder, l, cmp(Pred::eq, d, zero), constInt(1, l), d);
    mlir::Value limit = mlir::arith::DivSIOp::create(builder, l, max, divisor);
    tooBig = mlir::arith::OrIOp::create(builder, l, tooBig,
                                        cmp(Pred::sgt, bytes, limit));
    bytes = mlir::arith::MulIOp::create(builder, l, bytes, d);
    elements = mlir::arith::MulIOp::create(builder, l, elements, d);
  }
  raiseIf(tooBig, "ValueError",
          "array is too big; `arr.size * arr.dtype.itemsize` is larger than "
          "the maximum possible size.",
          sl);
  llvm::SmallVector<int64_t> shape(dims.size(), mlir::ShapedType::kDynamic);
  auto contiguous = mlir::MemRefType::get(shape, storageType(element));
  llvm::SmallVector<mlir::Value> sizes;
  for (mlir::Value d : dims)
    sizes.push_back(toIndex(d, l));
  mlir::Value buffer =
      mlir::memref::AllocOp::create(builder, l, contiguous, sizes);
  mlir::Value address =
      mlir::memref::ExtractAlignedPointerAsIndexOp::create(builder, l, buffer);
  mlir::Value failed = mlir::arith::CmpIOp::create(
      builder, l, Pred::eq, address,
      mlir::arith::ConstantIndexOp::create(builder, l, 0));
  genIf(failed, l, [&] {
    mlir::nm::RaiseMemoryErrorOp::create(builder, l, elements,
                                         shapeText(dims, /*spaced=*/true, l),
                                         dtypeName(element), itemsize);
  });
  return mlir::memref::CastOp::create(builder, l, arrayType(type), buffer);
}

mlir::Value MLIRGenerator::constElement(double value, const Type &element,
                                        mlir::Location l) {
  if (element.is(Type::Kind::Float))
    return constFloat(value, l);
  if (element.is(Type::Kind::Bool))
    return constBool(value != 0, l);
  return constInt(static_cast<int64_t>(value), l);
}

mlir::Value MLIRGenerator::genArrayConstructor(const Call &call,
                                               sema::BuiltinId id) {
  using sema::BuiltinId;
  mlir::Location l = loc(call.getLoc());
  Type type = typeOf(call);
  Type element = type.getElement();
  const Expr &shapeArg = *call.args[0];
  Type shapeType = typeOf(shapeArg);
  llvm::SmallVector<mlir::Value> dims;
  if (shapeType.is(Type::Kind::Array)) {
    dims = arrayDims(gen(shapeArg), l);
  } else if (shapeType.is(Type::Kind::Tuple)) {
    Values values = genValues(shapeArg);
    for (size_t i = 0; i < values.size(); ++i)
      dims.push_back(convert(values[i], shapeType.getElements()[i],
                             Type::integer(), shapeArg.getLoc()));
  } else {
    dims.push_back(genAs(shapeArg, Type::integer()));
  }
  mlir::Value fill;
  switch (id) {
  case BuiltinId::NumpyFull:
  case BuiltinId::NumpyFullLike:
    fill = genAs(*call.args[1], element);
    break;
  case BuiltinId::NumpyZeros:
  case BuiltinId::NumpyZerosLike:
    fill = constElement(0, element, l);
    break;
  case BuiltinId::NumpyOnes:
  case BuiltinId::NumpyOnesLike:
    fill = constElement(1, element, l);
    break;
  default: // empty, empty_like
    break;
  }
  mlir::Value array = allocateArray(type, dims, call.getLoc());
  if (fill)
    mlir::linalg::FillOp::create(builder, l, mlir::ValueRange{fill},
                                 mlir::ValueRange{array});
  return array;
}

//===----------------------------------------------------------------------===//
// Subscripts: elements and views
//===----------------------------------------------------------------------===//

mlir::Value MLIRGenerator::arrayIndex(mlir::Value array, mlir::Value index,
                                      int64_t axis, bool check, SourceLoc l) {
  // Negative indices count from the end, as in NumPy.
  mlir::Location location = loc(l);
  mlir::Value size = fromIndex(
      mlir::memref::DimOp::create(builder, location, array, axis), location);
  mlir::Value negative = mlir::arith::CmpIOp::create(
      builder, location, mlir::arith::CmpIPredicate::slt, index,
      constInt(0, location));
  mlir::Value wrapped = mlir::arith::SelectOp::create(
      builder, location, negative,
      mlir::arith::AddIOp::create(builder, location, index, size), index);
  if (check) {
    mlir::Value outside = mlir::arith::CmpIOp::create(
        builder, location, mlir::arith::CmpIPredicate::uge, wrapped, size);
    genIf(outside, location, [&] {
      mlir::nm::RaiseIndexErrorOp::create(builder, location, index,
                                          constInt(axis, location), size);
    });
  }
  return toIndex(wrapped, location);
}

mlir::Value
MLIRGenerator::genArrayAccess(const Subscript &sub,
                              llvm::SmallVectorImpl<mlir::Value> &indices) {
  mlir::Location l = loc(sub.getLoc());
  mlir::Value array = gen(*sub.value);
  int64_t rank = typeOf(*sub.value).getRank();
  // One part per indexed axis: an int (evaluated here) or a slice.
  struct Part {
    const Slice *slice = nullptr;
    mlir::Value index;
  };
  llvm::SmallVector<Part> parts;
  auto addIndex = [&](mlir::Value v, const Type &t, SourceLoc at) {
    parts.push_back({nullptr, convert(v, t, Type::integer(), at)});
  };
  const Expr &index = *sub.index;
  if (auto *tuple = dyn_cast<Tuple>(&index)) {
    for (const ExprPtr &elt : tuple->elts) {
      if (auto *slice = dyn_cast<Slice>(elt.get()))
        parts.push_back({slice, {}});
      else
        addIndex(gen(*elt), typeOf(*elt), elt->getLoc());
    }
  } else if (auto *slice = dyn_cast<Slice>(&index)) {
    parts.push_back({slice, {}});
  } else if (typeOf(index).is(Type::Kind::Tuple)) {
    Values values = genValues(index);
    for (size_t i = 0; i < values.size(); ++i)
      addIndex(values[i], typeOf(index).getElements()[i], index.getLoc());
  } else {
    addIndex(gen(index), typeOf(index), index.getLoc());
  }
  bool element = static_cast<int64_t>(parts.size()) == rank &&
                 llvm::all_of(parts, [](const Part &p) { return !p.slice; });
  if (element) {
    for (int64_t d = 0; d < rank; ++d)
      indices.push_back(arrayIndex(array, parts[d].index, d,
                                   options.boundsCheck, sub.getLoc()));
    return array;
  }
  // A view: an int index drops its axis (always checked: one check per
  // view, as NumPy raises), a slice keeps it with its bounds.
  llvm::SmallVector<mlir::OpFoldResult> offsets, sizes, strides;
  mlir::Value zero = constInt(0, l), one = constInt(1, l);
  auto select = [&](mlir::Value c, mlir::Value a, mlir::Value b) {
    return mlir::arith::SelectOp::create(builder, l, c, a, b).getResult();
  };
  int64_t kept = 0;
  for (int64_t d = 0; d < rank; ++d) {
    if (d >= static_cast<int64_t>(parts.size())) {
      offsets.push_back(builder.getIndexAttr(0));
      sizes.push_back(
          mlir::memref::DimOp::create(builder, l, array, d).getResult());
      strides.push_back(builder.getIndexAttr(1));
      ++kept;
      continue;
    }
    const Part &part = parts[d];
    if (!part.slice) {
      mlir::Value i =
          arrayIndex(array, part.index, d, /*check=*/true, sub.getLoc());
      offsets.push_back(i);
      sizes.push_back(builder.getIndexAttr(1));
      strides.push_back(builder.getIndexAttr(1));
      continue;
    }
    mlir::Value n =
        fromIndex(mlir::memref::DimOp::create(builder, l, array, d), l);
    auto [start, length, step] = genSliceBounds(n, *part.slice);
    // An empty view starts at 0 with stride 1. With constant bounds,
    // memref.subview's verifier rejects an empty slice whose offset is the
    // dimension (`a[8:]` of 8 elements) or whose last offset, one stride
    // before the start, is outside it (`a[:4:-2]` of 3), though neither
    // accesses an element.
    mlir::Value empty = mlir::arith::CmpIOp::create(
        builder, l, mlir::arith::CmpIPredicate::eq, length, zero);
    offsets.push_back(toIndex(select(empty, zero, start), l));
    sizes.push_back(toIndex(length, l));
    strides.push_back(toIndex(select(empty, one, step), l));
    ++kept;
  }
  auto viewType = arrayType(Type::array(typeOf(*sub.value).getElement(), kept));
  return mlir::memref::SubViewOp::create(builder, l, viewType, array, offsets,
                                         sizes, strides);
}

mlir::Value MLIRGenerator::arrayRow(mlir::Value array, mlir::Value k,
                                    mlir::Location l) {
  auto type = llvm::cast<mlir::MemRefType>(array.getType());
  llvm::SmallVector<mlir::OpFoldResult> offsets{toIndex(k, l)},
      sizes{builder.getIndexAttr(1)},
      strides(type.getRank(), builder.getIndexAttr(1));
  for (int64_t d = 1; d < type.getRank(); ++d) {
    offsets.push_back(builder.getIndexAttr(0));
    sizes.push_back(
        mlir::memref::DimOp::create(builder, l, array, d).getResult());
  }
  return mlir::memref::SubViewOp::create(
      builder, l, stridedType(type.getRank() - 1, type.getElementType()), array,
      offsets, sizes, strides);
}

mlir::Value MLIRGenerator::genArraySubscript(const Subscript &sub) {
  llvm::SmallVector<mlir::Value> indices;
  mlir::Value accessed = genArrayAccess(sub, indices);
  if (indices.empty())
    return accessed; // a view
  return mlir::memref::LoadOp::create(builder, loc(sub.getLoc()), accessed,
                                      indices);
}

//===----------------------------------------------------------------------===//
// Element-wise expressions
//===----------------------------------------------------------------------===//

bool MLIRGenerator::isElementwise(const Expr &e) const {
  if (!typeOf(e).is(Type::Kind::Array))
    return false;
  if (isa<BinOp, UnaryOp, Compare>(e))
    return true;
  auto *call = dyn_cast<Call>(&e);
  if (!call)
    return false;
  Type callee = typeOf(*call->func);
  if (!callee.is(Type::Kind::Builtin))
    return false;
  sema::BuiltinRule rule = sema::getBuiltin(callee.getBuiltin()).rule;
  return rule == sema::BuiltinRule::Ufunc || rule == sema::BuiltinRule::Abs;
}

/// The operands of an element-wise node, in evaluation order.
static llvm::SmallVector<const Expr *, 2> elementwiseOperands(const Expr &e) {
  if (auto *bin = dyn_cast<BinOp>(&e))
    return {bin->lhs.get(), bin->rhs.get()};
  if (auto *un = dyn_cast<UnaryOp>(&e))
    return {un->operand.get()};
  if (auto *cmp = dyn_cast<Compare>(&e))
    return {cmp->left.get(), cmp->comparators[0].get()};
  llvm::SmallVector<const Expr *, 2> args;
  for (const ExprPtr &arg : cast<Call>(e).args)
    args.push_back(arg.get());
  return args;
}

llvm::SmallVector<mlir::Value>
MLIRGenerator::broadcastShapes(llvm::ArrayRef<mlir::Value> a,
                               llvm::ArrayRef<mlir::Value> b, SourceLoc sl,
                               llvm::ArrayRef<mlir::Value> output) {
  if (a.empty() || b.empty())
    return llvm::SmallVector<mlir::Value>(a.empty() ? b : a);
  mlir::Location l = loc(sl);
  using Pred = mlir::arith::CmpIPredicate;
  auto cmp = [&](Pred pred, mlir::Value x, mlir::Value y) -> mlir::Value {
    return mlir::arith::CmpIOp::create(builder, l, pred, x, y);
  };
  auto andOf = [&](mlir::Value x, mlir::Value y) -> mlir::Value {
    return mlir::arith::AndIOp::create(builder, l, x, y);
  };
  // Axes align from the last; a missing or size-1 axis stretches.
  size_t rank = std::max(a.size(), b.size());
  llvm::SmallVector<mlir::Value> result;
  mlir::Value bad = constBool(false, l), one = constInt(1, l);
  for (size_t i = 0; i < rank; ++i) {
    size_t fromEnd = rank - i;
    mlir::Value x = fromEnd <= a.size() ? a[a.size() - fromEnd] : one;
    mlir::Value y = fromEnd <= b.size() ? b[b.size() - fromEnd] : one;
    bad = mlir::arith::OrIOp::create(
        builder, l, bad,
        andOf(cmp(Pred::ne, x, y),
              andOf(cmp(Pred::ne, x, one), cmp(Pred::ne, y, one))));
    result.push_back(
        mlir::arith::SelectOp::create(builder, l, cmp(Pred::eq, x, one), y, x));
  }
  raiseWithText(
      bad, "ValueError",
      [&] {
        llvm::SmallVector<mlir::Value> pieces{stringConstant(
            "operands could not be broadcast together with shapes ", l)};
        for (llvm::ArrayRef<mlir::Value> shape : {a, b, output}) {
          if (shape.empty())
            continue;
          pieces.push_back(shapeText(shape, /*spaced=*/false, l));
          pieces.push_back(stringConstant(" ", l));
        }
        return mlir::nm::StrConcatOp::create(
            builder, l, mlir::nm::StrType::get(&context), pieces);
      },
      sl);
  return result;
}

llvm::SmallVector<mlir::Value>
MLIRGenerator::collectElementwise(const Expr &e, ElementwiseInputs &inputs) {
  mlir::Location l = loc(e.getLoc());
  if (!isElementwise(e)) {
    if (!typeOf(e).is(Type::Kind::Array)) {
      inputs.scalars[&e] = gen(e);
      return {};
    }
    mlir::Value array = gen(e);
    inputs.arrayOf[&e] = inputs.arrays.size();
    inputs.arrays.push_back(array);
    inputs.elements.push_back(typeOf(e).getElement());
    return arrayDims(array, l);
  }
  llvm::SmallVector<mlir::Value> shape;
  for (const Expr *operand : elementwiseOperands(e))
    shape = broadcastShapes(shape, collectElementwise(*operand, inputs),
                            e.getLoc());
  // NumPy refuses a negative power of an int before computing any.
  auto *bin = dyn_cast<BinOp>(&e);
  if (bin && bin->op == BinOpKind::Pow &&
      typeOf(e).getElement().is(Type::Kind::Int) &&
      !typeOf(*bin->rhs).is(Type::Kind::Array)) {
    mlir::Value exponent =
        convert(inputs.scalars[bin->rhs.get()], typeOf(*bin->rhs),
                Type::integer(), e.getLoc());
    raiseIf(mlir::arith::CmpIOp::create(builder, l,
                                        mlir::arith::CmpIPredicate::slt,
                                        exponent, constInt(0, l)),
            "ValueError",
            "Integers to negative integer powers are not allowed.", e.getLoc());
  }
  return shape;
}

mlir::Value MLIRGenerator::broadcastView(mlir::Value array,
                                         llvm::ArrayRef<mlir::Value> dims,
                                         mlir::Location l) {
  // The same data seen with the result's shape: axes the array lacks, and
  // its size-1 axes, get stride 0.
  auto type = llvm::cast<mlir::MemRefType>(array.getType());
  int64_t rank = type.getRank(), resultRank = dims.size();
  auto metadata =
      mlir::memref::ExtractStridedMetadataOp::create(builder, l, array);
  mlir::Value zero = mlir::arith::ConstantIndexOp::create(builder, l, 0);
  mlir::Value one = mlir::arith::ConstantIndexOp::create(builder, l, 1);
  llvm::SmallVector<mlir::Value> sizes, strides;
  for (int64_t d = 0; d < resultRank; ++d) {
    sizes.push_back(toIndex(dims[d], l));
    int64_t own = d - (resultRank - rank);
    if (own < 0) {
      strides.push_back(zero);
      continue;
    }
    mlir::Value stretched =
        mlir::arith::CmpIOp::create(builder, l, mlir::arith::CmpIPredicate::eq,
                                    metadata.getSizes()[own], one);
    strides.push_back(mlir::arith::SelectOp::create(
        builder, l, stretched, zero, metadata.getStrides()[own]));
  }
  return mlir::memref::ReinterpretCastOp::create(
      builder, l, stridedType(resultRank, type.getElementType()),
      metadata.getBaseBuffer(), metadata.getOffset(), sizes, strides);
}

/// The first and one-past-last byte addresses `view` touches, and whether it
/// is empty, as index values.
struct ByteRange {
  mlir::Value low, high, empty;
  mlir::Value base, offset;
  llvm::SmallVector<mlir::Value> sizes, strides;
};

static ByteRange byteRange(mlir::OpBuilder &b, mlir::Location l,
                           mlir::Value view, int64_t itemsize) {
  auto metadata = mlir::memref::ExtractStridedMetadataOp::create(b, l, view);
  ByteRange range;
  range.base = mlir::memref::ExtractAlignedPointerAsIndexOp::create(b, l, view);
  range.offset = metadata.getOffset();
  mlir::Value zero = mlir::arith::ConstantIndexOp::create(b, l, 0);
  mlir::Value one = mlir::arith::ConstantIndexOp::create(b, l, 1);
  mlir::Value low = range.offset, high = range.offset;
  range.empty = mlir::arith::ConstantIntOp::create(b, l, b.getI1Type(), 0);
  for (auto [size, stride] :
       llvm::zip(metadata.getSizes(), metadata.getStrides())) {
    range.sizes.push_back(size);
    range.strides.push_back(stride);
    range.empty = mlir::arith::OrIOp::create(
        b, l, range.empty,
        mlir::arith::CmpIOp::create(b, l, mlir::arith::CmpIPredicate::eq, size,
                                    zero));
    mlir::Value span = mlir::arith::MulIOp::create(
        b, l, mlir::arith::SubIOp::create(b, l, size, one), stride);
    low = mlir::arith::AddIOp::create(
        b, l, low, mlir::arith::MinSIOp::create(b, l, span, zero));
    high = mlir::arith::AddIOp::create(
        b, l, high, mlir::arith::MaxSIOp::create(b, l, span, zero));
  }
  mlir::Value item = mlir::arith::ConstantIndexOp::create(b, l, itemsize);
  auto bytes = [&](mlir::Value elements) -> mlir::Value {
    return mlir::arith::AddIOp::create(
        b, l, range.base, mlir::arith::MulIOp::create(b, l, elements, item));
  };
  range.low = bytes(low);
  range.high = bytes(mlir::arith::AddIOp::create(b, l, high, one));
  return range;
}

mlir::Value MLIRGenerator::mayOverlap(mlir::Value dest, mlir::Value input,
                                      int64_t destItem, int64_t inputItem,
                                      mlir::Location l) {
  // Reading `input` while writing `dest` is safe when they share no byte,
  // or when they are the same view (each element read, then written).
  using Pred = mlir::arith::CmpIPredicate;
  auto cmp = [&](Pred pred, mlir::Value a, mlir::Value b) -> mlir::Value {
    return mlir::arith::CmpIOp::create(builder, l, pred, a, b);
  };
  auto andOf = [&](mlir::Value a, mlir::Value b) -> mlir::Value {
    return mlir::arith::AndIOp::create(builder, l, a, b);
  };
  ByteRange out = byteRange(builder, l, dest, destItem);
  ByteRange in = byteRange(builder, l, input, inputItem);
  mlir::Value shared =
      andOf(cmp(Pred::ult, out.low, in.high), cmp(Pred::ult, in.low, out.high));
  shared = andOf(
      shared, mlir::arith::XOrIOp::create(
                  builder, l,
                  mlir::arith::OrIOp::create(builder, l, out.empty, in.empty),
                  constBool(true, l)));
  mlir::Value same = constBool(destItem == inputItem, l);
  same = andOf(same, cmp(Pred::eq, out.base, in.base));
  same = andOf(same, cmp(Pred::eq, out.offset, in.offset));
  for (size_t d = 0; d < out.sizes.size() && d < in.sizes.size(); ++d) {
    same = andOf(same, cmp(Pred::eq, out.sizes[d], in.sizes[d]));
    same = andOf(same, cmp(Pred::eq, out.strides[d], in.strides[d]));
  }
  if (out.sizes.size() != in.sizes.size())
    same = constBool(false, l);
  return andOf(shared, mlir::arith::XOrIOp::create(builder, l, same,
                                                   constBool(true, l)));
}

mlir::Value MLIRGenerator::elementConvert(mlir::Value v, const Type &from,
                                          const Type &to, SourceLoc sl) {
  mlir::Location l = loc(sl);
  // Inside a loop body nothing raises: NumPy's unsafe casts truncate a
  // float to an int, and any nonzero number is True.
  if (from == to)
    return v;
  if (to.is(Type::Kind::Int) && from.is(Type::Kind::Float))
    return mlir::arith::FPToSIOp::create(builder, l, builder.getI64Type(), v);
  if (to.is(Type::Kind::Bool) && from.is(Type::Kind::Float))
    return mlir::arith::CmpFOp::create(
        builder, l, mlir::arith::CmpFPredicate::UNE, v, constFloat(0.0, l));
  if (to.is(Type::Kind::Bool))
    return mlir::arith::CmpIOp::create(
        builder, l, mlir::arith::CmpIPredicate::ne, v, constInt(0, l));
  return convert(v, from, to, sl);
}

mlir::Value MLIRGenerator::elementBinary(BinOpKind op, mlir::Value a,
                                         const Type &aType, mlir::Value b,
                                         const Type &bType, const Type &result,
                                         SourceLoc sl) {
  mlir::Location l = loc(sl);
  using Pred = mlir::arith::CmpIPredicate;
  using FPred = mlir::arith::CmpFPredicate;
  auto select = [&](mlir::Value c, mlir::Value x, mlir::Value y) {
    return mlir::arith::SelectOp::create(builder, l, c, x, y).getResult();
  };
  Type operand = op == BinOpKind::Div ? Type::floating() : result;
  a = elementConvert(a, aType, operand, sl);
  b = elementConvert(b, bType, operand, sl);
  auto fm = fastmath();
  // The operators that cannot raise are the scalar ones.
  if (operand.is(Type::Kind::Float)) {
    switch (op) {
    case BinOpKind::Div:
      return mlir::arith::DivFOp::create(builder, l, a, b, fm);
    case BinOpKind::FloorDiv:
    case BinOpKind::Mod: {
      // npy_divmod: Python's floor division and remainder, except that a
      // zero divisor gives a / b and fmod's NaN instead of an error.
      mlir::Value floorDiv;
      mlir::Value mod = floatDivmod(a, b, floorDiv, l);
      mlir::Value byZero = mlir::arith::CmpFOp::create(builder, l, FPred::OEQ,
                                                       b, constFloat(0.0, l));
      if (op == BinOpKind::Mod)
        return select(byZero, mlir::arith::RemFOp::create(builder, l, a, b, fm),
                      mod);
      return select(byZero, mlir::arith::DivFOp::create(builder, l, a, b, fm),
                    floorDiv);
    }
    default:
      return genFloatBinary(op, a, b, sl);
    }
  }
  if (operand.is(Type::Kind::Bool))
    return genBinary(op, a, operand, b, operand, operand, sl);
  mlir::Value zero = constInt(0, l);
  auto cmp = [&](Pred pred, mlir::Value x, mlir::Value y) -> mlir::Value {
    return mlir::arith::CmpIOp::create(builder, l, pred, x, y);
  };
  switch (op) {
  case BinOpKind::FloorDiv:
  case BinOpKind::Mod: {
    // NumPy gives 0 for a zero divisor (with a warning nmc does not
    // print); x // -1 negates and x % -1 is 0 without the machine's
    // INT64_MIN overflow.
    mlir::Value byZero = cmp(Pred::eq, b, zero);
    mlir::Value minusOne = isMinusOne(b, l);
    mlir::Value divisor =
        select(mlir::arith::OrIOp::create(builder, l, byZero, minusOne),
               constInt(1, l), b);
    if (op == BinOpKind::FloorDiv) {
      mlir::Value q = mlir::arith::FloorDivSIOp::create(builder, l, a, divisor);
      q = select(minusOne, mlir::arith::SubIOp::create(builder, l, zero, a), q);
      return select(byZero, zero, q);
    }
    mlir::Value r = mlir::arith::RemSIOp::create(builder, l, a, divisor);
    mlir::Value adjust = mlir::arith::AndIOp::create(
        builder, l,
        cmp(Pred::slt, mlir::arith::XOrIOp::create(builder, l, r, b), zero),
        cmp(Pred::ne, r, zero));
    r = select(adjust, mlir::arith::AddIOp::create(builder, l, r, b), r);
    return select(byZero, zero, r);
  }
  case BinOpKind::Pow:
    // A negative exponent was refused before the loop.
    return mlir::math::IPowIOp::create(builder, l, a, b);
  case BinOpKind::LShift:
  case BinOpKind::RShift: {
    // npy_lshift/npy_rshift: a count outside [0, 64) gives 0, or the sign
    // for a right shift.
    mlir::Value outside = cmp(Pred::uge, b, constInt(64, l));
    mlir::Value count = select(outside, zero, b);
    if (op == BinOpKind::LShift)
      return select(outside, zero,
                    mlir::arith::ShLIOp::create(builder, l, a, count));
    mlir::Value sign = select(cmp(Pred::slt, a, zero), constInt(-1, l), zero);
    return select(outside, sign,
                  mlir::arith::ShRSIOp::create(builder, l, a, count));
  }
  default:
    return genIntBinary(op, a, b, sl);
  }
}

std::pair<mlir::Value, Type>
MLIRGenerator::genElement(const Expr &e, const ElementwiseInputs &inputs,
                          mlir::ValueRange args) {
  if (auto it = inputs.arrayOf.find(&e); it != inputs.arrayOf.end())
    return {args[it->second], typeOf(e).getElement()};
  if (auto it = inputs.scalars.find(&e); it != inputs.scalars.end())
    return {it->second, typeOf(e)};
  SourceLoc sl = e.getLoc();
  mlir::Location l = loc(sl);
  Type result = typeOf(e).getElement();
  llvm::SmallVector<std::pair<mlir::Value, Type>, 2> operands;
  for (const Expr *operand : elementwiseOperands(e))
    operands.push_back(genElement(*operand, inputs, args));
  auto [x, xType] = operands[0];
  if (auto *bin = dyn_cast<BinOp>(&e))
    return {elementBinary(bin->op, x, xType, operands[1].first,
                          operands[1].second, result, sl),
            result};
  if (auto *un = dyn_cast<UnaryOp>(&e)) {
    switch (un->op) {
    case UnaryOpKind::Neg:
      if (result.is(Type::Kind::Float))
        return {mlir::arith::NegFOp::create(builder, l, x, fastmath()), result};
      return {mlir::arith::SubIOp::create(builder, l, constInt(0, l), x),
              result};
    case UnaryOpKind::Invert:
      return {mlir::arith::XOrIOp::create(builder, l, x,
                                          result.is(Type::Kind::Bool)
                                              ? constBool(true, l)
                                              : constInt(-1, l)),
              result};
    default: // unary plus
      return {x, result};
    }
  }
  if (auto *cmp = dyn_cast<Compare>(&e)) {
    // NumPy compares an int64 with a float64 as two float64s, as nmc's
    // scalar comparison does.
    return {genCompareOp(cmp->ops[0], x, xType, operands[1].first,
                         operands[1].second, sl),
            result};
  }
  // A NumPy function of one argument.
  sema::BuiltinId id = typeOf(*cast<Call>(e).func).getBuiltin();
  auto fm = fastmath();
  if (id == sema::BuiltinId::Abs || id == sema::BuiltinId::NumpyAbs) {
    if (result.is(Type::Kind::Float))
      return {mlir::math::AbsFOp::create(builder, l, x, fm), result};
    if (result.is(Type::Kind::Int))
      return {mlir::math::AbsIOp::create(builder, l, x), result};
    return {x, result};
  }
  mlir::Value f = elementConvert(x, xType, Type::floating(), sl);
  switch (id) {
  case sema::BuiltinId::NumpySqrt:
    return {mlir::math::SqrtOp::create(builder, l, f, fm), result};
  case sema::BuiltinId::NumpyExp:
    return {mlir::math::ExpOp::create(builder, l, f, fm), result};
  case sema::BuiltinId::NumpyLog:
    return {mlir::math::LogOp::create(builder, l, f, fm), result};
  case sema::BuiltinId::NumpySin:
    return {mlir::math::SinOp::create(builder, l, f, fm), result};
  case sema::BuiltinId::NumpyCos:
    return {mlir::math::CosOp::create(builder, l, f, fm), result};
  default:
    return {mlir::math::TanOp::create(builder, l, f, fm), result};
  }
}

void MLIRGenerator::genElementwiseInto(mlir::Value dest, const Type &destType,
                                       const Expr *e, ElementwiseInputs &inputs,
                                       llvm::ArrayRef<mlir::Value> shape,
                                       bool fresh,
                                       std::optional<BinOpKind> augmented,
                                       SourceLoc sl) {
  mlir::Location l = loc(sl);
  Type destElement = destType.getElement();
  llvm::SmallVector<mlir::Value> destDims = arrayDims(dest, l);
  if (!fresh) {
    using Pred = mlir::arith::CmpIPredicate;
    // The value's axes align with the destination's last ones; each is
    // the same size or 1 (stretched). `a += b` checks as `a + b` does.
    llvm::SmallVector<mlir::Value> full =
        augmented ? broadcastShapes(destDims, shape, sl, destDims) : destDims;
    mlir::Value bad = constBool(false, l);
    for (size_t i = 0; i < shape.size() && !augmented; ++i) {
      mlir::Value d = destDims[destDims.size() - shape.size() + i];
      mlir::Value s = shape[i];
      bad = mlir::arith::OrIOp::create(
          builder, l, bad,
          mlir::arith::AndIOp::create(
              builder, l,
              mlir::arith::CmpIOp::create(builder, l, Pred::ne, s, d),
              mlir::arith::CmpIOp::create(builder, l, Pred::ne, s,
                                          constInt(1, l))));
    }
    for (size_t i = 0; i < full.size() && augmented; ++i)
      bad = mlir::arith::OrIOp::create(
          builder, l, bad,
          mlir::arith::CmpIOp::create(builder, l, Pred::ne, full[i],
                                      destDims[i]));
    raiseWithText(
        bad, "ValueError",
        [&] {
          auto strType = mlir::nm::StrType::get(&context);
          if (augmented)
            return mlir::nm::StrConcatOp::create(
                       builder, l, strType,
                       mlir::ValueRange{
                           stringConstant("non-broadcastable output operand "
                                          "with shape ",
                                          l),
                           shapeText(destDims, false, l),
                           stringConstant(" doesn't match the broadcast shape ",
                                          l),
                           shapeText(full, false, l)})
                .getResult();
          return mlir::nm::StrConcatOp::create(
                     builder, l, strType,
                     mlir::ValueRange{
                         stringConstant(
                             "could not broadcast input array from shape ", l),
                         shapeText(shape, false, l),
                         stringConstant(" into shape ", l),
                         shapeText(destDims, false, l)})
              .getResult();
        },
        sl);
  }
  // Every operand seen with the destination's shape.
  llvm::SmallVector<mlir::Value> views;
  llvm::SmallVector<Type> viewElements;
  for (auto [array, element] : llvm::zip(inputs.arrays, inputs.elements)) {
    views.push_back(broadcastView(array, destDims, l));
    viewElements.push_back(element);
  }
  if (augmented) {
    views.push_back(dest);
    viewElements.push_back(destElement);
  }
  // Writing over an operand it still reads (`a[1:] = a[:-1] + 1`): NumPy
  // computes the whole value first, so nmc computes into a temporary.
  mlir::Value out = dest, unsafe;
  if (!fresh) {
    unsafe = constBool(false, l);
    for (auto [view, element] : llvm::zip(views, viewElements))
      unsafe = mlir::arith::OrIOp::create(
          builder, l, unsafe,
          mayOverlap(dest, view, itemSize(destElement), itemSize(element), l));
    auto ifOp = mlir::scf::IfOp::create(builder, l,
                                        mlir::TypeRange{dest.getType()}, unsafe,
                                        /*withElseRegion=*/true);
    {
      mlir::OpBuilder::InsertionGuard guard(builder);
      builder.setInsertionPointToStart(&ifOp.getThenRegion().front());
      llvm::SmallVector<int64_t> dynamic(destDims.size(),
                                         mlir::ShapedType::kDynamic);
      llvm::SmallVector<mlir::Value> sizes;
      for (mlir::Value d : destDims)
        sizes.push_back(toIndex(d, l));
      mlir::Value temporary = mlir::memref::AllocOp::create(
          builder, l, mlir::MemRefType::get(dynamic, storageType(destElement)),
          sizes);
      mlir::scf::YieldOp::create(builder, l,
                                 mlir::ValueRange{mlir::memref::CastOp::create(
                                     builder, l, dest.getType(), temporary)});
      builder.setInsertionPointToStart(&ifOp.getElseRegion().front());
      mlir::scf::YieldOp::create(builder, l, mlir::ValueRange{dest});
    }
    out = ifOp.getResult(0);
  }
  int64_t rank = destDims.size();
  auto identity = mlir::AffineMap::getMultiDimIdentityMap(rank, &context);
  llvm::SmallVector<mlir::AffineMap> maps(views.size() + 1, identity);
  llvm::SmallVector<mlir::utils::IteratorType> iterators(
      rank, mlir::utils::IteratorType::parallel);
  mlir::linalg::GenericOp::create(
      builder, l, views, mlir::ValueRange{out}, maps, iterators,
      [&](mlir::OpBuilder &b, mlir::Location, mlir::ValueRange args) {
        mlir::OpBuilder::InsertionGuard guard(builder);
        builder.setInsertionPoint(b.getInsertionBlock(), b.getInsertionPoint());
        auto [value, valueType] =
            e ? genElement(*e, inputs, args)
              : std::pair<mlir::Value, Type>{args[0], inputs.elements[0]};
        if (augmented) {
          Type result = destElement;
          value = elementBinary(*augmented, args[views.size() - 1], destElement,
                                value, valueType, result, sl);
          valueType = result;
        }
        mlir::linalg::YieldOp::create(builder, l,
                                      mlir::ValueRange{elementConvert(
                                          value, valueType, destElement, sl)});
      });
  if (unsafe) {
    auto ifOp = mlir::scf::IfOp::create(builder, l, mlir::TypeRange{}, unsafe,
                                        /*withElseRegion=*/false);
    mlir::OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(&ifOp.getThenRegion().front());
    mlir::linalg::CopyOp::create(builder, l, mlir::ValueRange{out},
                                 mlir::ValueRange{dest});
    mlir::memref::DeallocOp::create(builder, l, out);
  }
}

mlir::Value MLIRGenerator::genArrayExpression(const Expr &e) {
  ElementwiseInputs inputs;
  llvm::SmallVector<mlir::Value> shape = collectElementwise(e, inputs);
  mlir::Value result = allocateArray(typeOf(e), shape, e.getLoc());
  genElementwiseInto(result, typeOf(e), &e, inputs, shape, /*fresh=*/true,
                     std::nullopt, e.getLoc());
  return result;
}

bool MLIRGenerator::isArrayView(const Subscript &sub) const {
  Type container = typeOf(*sub.value);
  if (!container.is(Type::Kind::Array))
    return false;
  const Expr &index = *sub.index;
  if (auto *tuple = dyn_cast<Tuple>(&index))
    return static_cast<int>(tuple->elts.size()) < container.getRank() ||
           llvm::any_of(tuple->elts,
                        [](const ExprPtr &elt) { return isa<Slice>(*elt); });
  if (isa<Slice>(index))
    return true;
  int ints = typeOf(index).is(Type::Kind::Tuple)
                 ? typeOf(index).getElements().size()
                 : 1;
  return ints < container.getRank();
}

/// The view type of a memref value.
static Type viewTypeOf(mlir::Value view, const Type &element) {
  return Type::array(element,
                     llvm::cast<mlir::MemRefType>(view.getType()).getRank());
}

void MLIRGenerator::assignToArray(const Subscript &target, const Expr &value,
                                  std::optional<BinOpKind> augmented,
                                  SourceLoc l) {
  // `a[i:j] = v` evaluates v first; `a[i:j] += v` reads a[i:j] first.
  Type element = typeOf(*target.value).getElement();
  llvm::SmallVector<mlir::Value> indices;
  mlir::Value view;
  if (augmented)
    view = genArrayAccess(target, indices);
  ElementwiseInputs inputs;
  llvm::SmallVector<mlir::Value> shape = collectElementwise(value, inputs);
  if (!augmented)
    view = genArrayAccess(target, indices);
  fillOrCompute(view, viewTypeOf(view, element), value, inputs, shape,
                augmented, l);
}

void MLIRGenerator::assignToArray(mlir::Value dest, const Type &destType,
                                  const Expr &value,
                                  std::optional<BinOpKind> augmented,
                                  SourceLoc l) {
  ElementwiseInputs inputs;
  llvm::SmallVector<mlir::Value> shape = collectElementwise(value, inputs);
  fillOrCompute(dest, destType, value, inputs, shape, augmented, l);
}

void MLIRGenerator::fillOrCompute(mlir::Value dest, const Type &destType,
                                  const Expr &value, ElementwiseInputs &inputs,
                                  llvm::ArrayRef<mlir::Value> shape,
                                  std::optional<BinOpKind> augmented,
                                  SourceLoc l) {
  if (inputs.arrays.empty() && !augmented) {
    // A number fills the view.
    mlir::Value fill = convert(inputs.scalars[&value], typeOf(value),
                               destType.getElement(), l);
    mlir::linalg::FillOp::create(builder, loc(l), mlir::ValueRange{fill},
                                 mlir::ValueRange{dest});
    return;
  }
  genElementwiseInto(dest, destType, &value, inputs, shape, /*fresh=*/false,
                     augmented, l);
}

void MLIRGenerator::assignValueToArray(mlir::Value dest, const Type &element,
                                       mlir::Value value, const Type &valueType,
                                       SourceLoc l) {
  Type viewType = viewTypeOf(dest, element);
  if (!valueType.is(Type::Kind::Array)) {
    mlir::Value fill = convert(value, valueType, element, l);
    mlir::linalg::FillOp::create(builder, loc(l), mlir::ValueRange{fill},
                                 mlir::ValueRange{dest});
    return;
  }
  ElementwiseInputs inputs;
  inputs.arrays.push_back(value);
  inputs.elements.push_back(valueType.getElement());
  genElementwiseInto(dest, viewType, nullptr, inputs, arrayDims(value, loc(l)),
                     /*fresh=*/false, std::nullopt, l);
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

mlir::Value MLIRGenerator::genArrayReduce(const Expr &e, ArrayReduce kind,
                                          const Type &result,
                                          llvm::StringRef emptyMessage,
                                          SourceLoc sl, mlir::Value *count) {
  mlir::Location l = loc(sl);
  ElementwiseInputs inputs;
  llvm::SmallVector<mlir::Value> shape = collectElementwise(e, inputs);
  mlir::Value size = elementCount(shape, l);
  if (count)
    *count = size;
  if (!emptyMessage.empty()) {
    raiseIf(mlir::arith::CmpIOp::create(builder, l,
                                        mlir::arith::CmpIPredicate::eq, size,
                                        constInt(0, l)),
            "ValueError", emptyMessage, sl);
  }
  llvm::SmallVector<mlir::Value> views;
  for (mlir::Value array : inputs.arrays)
    views.push_back(broadcastView(array, shape, l));
  // The identity, in a 0-d accumulator on the stack.
  double inf = std::numeric_limits<double>::infinity();
  mlir::Value identity;
  switch (kind) {
  case ArrayReduce::Sum:
    identity = constElement(0, result, l);
    break;
  case ArrayReduce::Prod:
    identity = constElement(1, result, l);
    break;
  case ArrayReduce::Min:
  case ArrayReduce::Max: {
    bool min = kind == ArrayReduce::Min;
    if (result.is(Type::Kind::Float))
      identity = constFloat(min ? inf : -inf, l);
    else if (result.is(Type::Kind::Bool))
      identity = constBool(min, l);
    else
      identity = constInt(min ? std::numeric_limits<int64_t>::max()
                              : std::numeric_limits<int64_t>::min(),
                          l);
    break;
  }
  }
  mlir::Value accumulator = mlir::memref::AllocaOp::create(
      builder, l, mlir::MemRefType::get({}, storageType(result)));
  mlir::memref::StoreOp::create(builder, l, identity, accumulator,
                                mlir::ValueRange{});
  int64_t rank = shape.size();
  llvm::SmallVector<mlir::AffineMap> maps(
      views.size(), mlir::AffineMap::getMultiDimIdentityMap(rank, &context));
  maps.push_back(mlir::AffineMap::get(rank, 0, {}, &context));
  llvm::SmallVector<mlir::utils::IteratorType> iterators(
      rank, mlir::utils::IteratorType::reduction);
  mlir::linalg::GenericOp::create(
      builder, l, views, mlir::ValueRange{accumulator}, maps, iterators,
      [&](mlir::OpBuilder &b, mlir::Location, mlir::ValueRange args) {
        mlir::OpBuilder::InsertionGuard guard(builder);
        builder.setInsertionPoint(b.getInsertionBlock(), b.getInsertionPoint());
        auto [value, valueType] = genElement(e, inputs, args);
        mlir::Value x = elementConvert(value, valueType, result, sl);
        mlir::Value acc = args.back();
        bool isFloat = result.is(Type::Kind::Float);
        bool isBool = result.is(Type::Kind::Bool);
        auto fm = fastmath();
        mlir::Value combined;
        switch (kind) {
        case ArrayReduce::Sum:
          combined =
              isFloat
                  ? mlir::arith::AddFOp::create(builder, l, acc, x, fm)
                        .getResult()
                  : mlir::arith::AddIOp::create(builder, l, acc, x).getResult();
          break;
        case ArrayReduce::Prod:
          combined =
              isFloat
                  ? mlir::arith::MulFOp::create(builder, l, acc, x, fm)
                        .getResult()
                  : mlir::arith::MulIOp::create(builder, l, acc, x).getResult();
          break;
        case ArrayReduce::Min:
          // NumPy's minimum: a NaN anywhere is the result.
          combined =
              isFloat ? mlir::arith::MinimumFOp::create(builder, l, acc, x)
                            .getResult()
              : isBool
                  ? mlir::arith::AndIOp::create(builder, l, acc, x).getResult()
                  : mlir::arith::MinSIOp::create(builder, l, acc, x)
                        .getResult();
          break;
        case ArrayReduce::Max:
          combined =
              isFloat ? mlir::arith::MaximumFOp::create(builder, l, acc, x)
                            .getResult()
              : isBool
                  ? mlir::arith::OrIOp::create(builder, l, acc, x).getResult()
                  : mlir::arith::MaxSIOp::create(builder, l, acc, x)
                        .getResult();
          break;
        }
        mlir::linalg::YieldOp::create(builder, l, mlir::ValueRange{combined});
      });
  return mlir::memref::LoadOp::create(builder, l, accumulator,
                                      mlir::ValueRange{});
}

mlir::Value MLIRGenerator::elementCount(llvm::ArrayRef<mlir::Value> dims,
                                        mlir::Location l) {
  mlir::Value size = constInt(1, l);
  for (mlir::Value d : dims)
    size = mlir::arith::MulIOp::create(builder, l, size, d);
  return size;
}

mlir::Value MLIRGenerator::genPairwiseSum(const Expr &e, SourceLoc sl,
                                          mlir::Value &count) {
  mlir::Location l = loc(sl);
  Type type = typeOf(e);
  mlir::Value values;
  if (isElementwise(e)) {
    values = genArrayExpression(e);
  } else {
    values = gen(e);
    // NumPy sums a view's elements in C order as if contiguous.
    if (type.getRank() > 1)
      values = copyArray(values, type, sl);
  }
  count = elementCount(arrayDims(values, l), l);
  if (type.getRank() > 1) {
    // A fresh array is contiguous: the same memory as one axis.
    llvm::SmallVector<mlir::OpFoldResult> sizes{toIndex(count, l)};
    llvm::SmallVector<mlir::OpFoldResult> strides{builder.getIndexAttr(1)};
    values = mlir::memref::ReinterpretCastOp::create(
        builder, l, stridedType(1, builder.getF64Type()), values,
        builder.getIndexAttr(0), sizes, strides);
  }
  return mlir::nm::LibraryCallOp::create(
      builder, l, builder.getF64Type(),
      mlir::nm::LibraryFunctionAttr::get(
          &context, mlir::nm::LibraryFunction::pairwise_sum),
      mlir::ValueRange{values});
}

mlir::Value MLIRGenerator::genReductionCall(const Call &call,
                                            sema::BuiltinId id) {
  using sema::BuiltinId;
  SourceLoc sl = call.getLoc();
  mlir::Location l = loc(sl);
  const Expr &array = sema::arrayOperand(call, id);
  Type element = typeOf(array).getElement();
  Type result = typeOf(call);
  switch (id) {
  case BuiltinId::Sum: // Python's sum/min/max of an int or bool array
    return genArrayReduce(array, ArrayReduce::Sum, result, "", sl);
  case BuiltinId::Min:
    return genArrayReduce(array, ArrayReduce::Min, result,
                          "min() arg is an empty sequence", sl);
  case BuiltinId::Max:
    return genArrayReduce(array, ArrayReduce::Max, result,
                          "max() arg is an empty sequence", sl);
  case BuiltinId::NumpyProd:
  case BuiltinId::ArrayProd:
    return genArrayReduce(array, ArrayReduce::Prod, result, "", sl);
  case BuiltinId::NumpyMin:
  case BuiltinId::ArrayMin:
    return genArrayReduce(array, ArrayReduce::Min, result,
                          "zero-size array to reduction operation minimum "
                          "which has no identity",
                          sl);
  case BuiltinId::NumpyMax:
  case BuiltinId::ArrayMax:
    return genArrayReduce(array, ArrayReduce::Max, result,
                          "zero-size array to reduction operation maximum "
                          "which has no identity",
                          sl);
  default:
    break;
  }
  // sum and mean: NumPy adds float64s pairwise; Numba, and ints, in order.
  bool mean = id == BuiltinId::NumpyMean || id == BuiltinId::ArrayMean;
  Type sumType = element.is(Type::Kind::Float) ? element : Type::integer();
  mlir::Value n;
  mlir::Value sum =
      element.is(Type::Kind::Float) && !insideNjit()
          ? genPairwiseSum(array, sl, n)
          : genArrayReduce(array, ArrayReduce::Sum, sumType, "", sl, &n);
  if (!mean)
    return sum;
  return mlir::arith::DivFOp::create(
      builder, l, convert(sum, sumType, Type::floating(), sl),
      convert(n, Type::integer(), Type::floating(), sl), fastmath());
}

//===----------------------------------------------------------------------===//
// Ranges, copies, transposes
//===----------------------------------------------------------------------===//

mlir::Value MLIRGenerator::copyArray(mlir::Value array, const Type &type,
                                     SourceLoc sl) {
  ElementwiseInputs inputs;
  inputs.arrays.push_back(array);
  inputs.elements.push_back(type.getElement());
  llvm::SmallVector<mlir::Value> dims = arrayDims(array, loc(sl));
  mlir::Value copy = allocateArray(type, dims, sl);
  genElementwiseInto(copy, type, nullptr, inputs, dims, /*fresh=*/true,
                     std::nullopt, sl);
  return copy;
}

mlir::Value MLIRGenerator::transposeView(mlir::Value array, mlir::Location l) {
  auto type = llvm::cast<mlir::MemRefType>(array.getType());
  llvm::SmallVector<unsigned> reversed;
  for (int64_t d = type.getRank() - 1; d >= 0; --d)
    reversed.push_back(d);
  auto permutation = mlir::AffineMap::getPermutationMap(reversed, &context);
  mlir::Value view = mlir::memref::TransposeOp::create(
      builder, l, array, mlir::AffineMapAttr::get(permutation));
  return mlir::memref::CastOp::create(
      builder, l, stridedType(type.getRank(), type.getElementType()), view);
}

mlir::Value MLIRGenerator::genArrayMethod(const Call &call,
                                          sema::BuiltinId id) {
  SourceLoc sl = call.getLoc();
  const Expr &arrayExpr = sema::arrayOperand(call, id);
  Type type = typeOf(arrayExpr);
  mlir::Value array = gen(arrayExpr);
  if (id != sema::BuiltinId::ArrayFill)
    return copyArray(array, type, sl);
  mlir::Value fill = genAs(*call.args[0], type.getElement());
  mlir::linalg::FillOp::create(builder, loc(sl), mlir::ValueRange{fill},
                               mlir::ValueRange{array});
  return {};
}

mlir::Value MLIRGenerator::genArrayRange(const Call &call, sema::BuiltinId id) {
  SourceLoc sl = call.getLoc();
  mlir::Location l = loc(sl);
  Type type = typeOf(call);
  Type element = type.getElement();
  const std::vector<const Expr *> &args = instance->boundArgs.at(&call);
  using Pred = mlir::arith::CmpIPredicate;
  mlir::Value length, start, delta;
  bool linspace = id == sema::BuiltinId::NumpyLinspace;
  // The element at index i is start + i * delta (linspace's last is stop).
  if (linspace) {
    start = genAs(*args[0], Type::floating());
    mlir::Value stop = genAs(*args[1], Type::floating());
    length =
        args.size() == 3 ? genAs(*args[2], Type::integer()) : constInt(50, l);
    if (!insideNjit())
      raiseWithText(
          mlir::arith::CmpIOp::create(builder, l, Pred::slt, length,
                                      constInt(0, l)),
          "ValueError",
          [&] {
            return mlir::nm::StrConcatOp::create(
                builder, l, mlir::nm::StrType::get(&context),
                mlir::ValueRange{
                    stringConstant("Number of samples, ", l),
                    mlir::nm::FormatOp::create(builder, l,
                                               mlir::nm::StrType::get(&context),
                                               length, stringConstant("", l)),
                    stringConstant(", must be non-negative.", l)});
          },
          sl);
    mlir::Value div =
        mlir::arith::SubIOp::create(builder, l, length, constInt(1, l));
    mlir::Value span = mlir::arith::SubFOp::create(builder, l, stop, start);
    // With one sample or none the step is undefined; start + 0 * span.
    mlir::Value positive =
        mlir::arith::CmpIOp::create(builder, l, Pred::sgt, div, constInt(0, l));
    delta = mlir::arith::SelectOp::create(
        builder, l, positive,
        mlir::arith::DivFOp::create(
            builder, l, span,
            convert(div, Type::integer(), Type::floating(), sl)),
        span);
    mlir::Value array = allocateArray(type, {length}, sl);
    genRangeFill(array, start, delta, l);
    // The last sample is stop exactly.
    mlir::Value several = mlir::arith::CmpIOp::create(builder, l, Pred::sgt,
                                                      length, constInt(1, l));
    genIf(several, l, [&] {
      mlir::memref::StoreOp::create(builder, l, stop, array,
                                    mlir::ValueRange{toIndex(div, l)});
    });
    return array;
  }
  // arange(stop), arange(start, stop), arange(start, stop, step).
  bool floats = element.is(Type::Kind::Float);
  auto arg = [&](size_t i) { return genAs(*args[i], element); };
  mlir::Value stop;
  mlir::Value step = floats ? constFloat(1.0, l) : constInt(1, l);
  if (args.size() == 1) {
    start = floats ? constFloat(0.0, l) : constInt(0, l);
    stop = arg(0);
  } else {
    start = arg(0);
    stop = arg(1);
    if (args.size() == 3)
      step = arg(2);
  }
  if (floats) {
    mlir::Value zero = mlir::arith::CmpFOp::create(
        builder, l, mlir::arith::CmpFPredicate::OEQ, step, constFloat(0.0, l));
    if (insideNjit())
      raiseIf(zero, "ValueError", "Maximum allowed size exceeded", sl);
    else
      raiseIf(zero, "ZeroDivisionError", "float division by zero", sl);
    mlir::Value count = mlir::math::CeilOp::create(
        builder, l,
        mlir::arith::DivFOp::create(
            builder, l, mlir::arith::SubFOp::create(builder, l, stop, start),
            step));
    mlir::Value positive = mlir::arith::CmpFOp::create(
        builder, l, mlir::arith::CmpFPredicate::OGT, count, constFloat(0.0, l));
    length = mlir::arith::SelectOp::create(
        builder, l, positive,
        mlir::arith::FPToSIOp::create(builder, l, builder.getI64Type(), count),
        constInt(0, l));
    // NumPy fills from its first two values: the step is
    // (start + step) - start. Numba adds i * step.
    delta =
        insideNjit()
            ? step
            : mlir::arith::SubFOp::create(
                  builder, l,
                  mlir::arith::AddFOp::create(builder, l, start, step), start)
                  .getResult();
  } else {
    raiseIf(
        mlir::arith::CmpIOp::create(builder, l, Pred::eq, step, constInt(0, l)),
        insideNjit() ? "ValueError" : "ZeroDivisionError",
        insideNjit() ? "Maximum allowed size exceeded" : "division by zero",
        sl);
    mlir::Value count = mlir::arith::CeilDivSIOp::create(
        builder, l, mlir::arith::SubIOp::create(builder, l, stop, start), step);
    length = mlir::arith::MaxSIOp::create(builder, l, count, constInt(0, l));
    delta = step;
  }
  mlir::Value array = allocateArray(type, {length}, sl);
  genRangeFill(array, start, delta, l);
  return array;
}

void MLIRGenerator::genRangeFill(mlir::Value array, mlir::Value start,
                                 mlir::Value delta, mlir::Location l) {
  // One linalg.generic: element i is start + i * delta.
  auto identity = mlir::AffineMap::getMultiDimIdentityMap(1, &context);
  mlir::linalg::GenericOp::create(
      builder, l, mlir::ValueRange{}, mlir::ValueRange{array}, {identity},
      {mlir::utils::IteratorType::parallel},
      [&](mlir::OpBuilder &b, mlir::Location, mlir::ValueRange) {
        mlir::Value i = mlir::arith::IndexCastOp::create(
            b, l, b.getI64Type(), mlir::linalg::IndexOp::create(b, l, 0));
        mlir::Value value;
        if (start.getType().isF64()) {
          mlir::Value x =
              mlir::arith::SIToFPOp::create(b, l, b.getF64Type(), i);
          value = mlir::arith::AddFOp::create(
              b, l, start, mlir::arith::MulFOp::create(b, l, x, delta));
        } else {
          value = mlir::arith::AddIOp::create(
              b, l, start, mlir::arith::MulIOp::create(b, l, i, delta));
        }
        mlir::linalg::YieldOp::create(b, l, mlir::ValueRange{value});
      });
}
