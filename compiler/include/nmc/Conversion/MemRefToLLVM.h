//===- MemRefToLLVM.h - nmc's memref.load/store lowering --------*- C++ -*-===//
//
// MLIR 22's MemRefToLLVM marks the address arithmetic of every memref.load
// and memref.store `nuw` (`mul overflow<nsw, nuw>` of index and stride,
// `getelementptr inbounds|nuw`). For a negative stride, static or dynamic,
// that multiplication wraps as an unsigned number, the address is poison and
// LLVM's optimiser may read anything: `for x in a[::-1]` printed zeros at
// -O2. Upstream fixed it after 22 (llvm-project PR 204309). These patterns
// take over both ops (a higher benefit than upstream's) and keep `inbounds`
// and `nsw`, which hold for any stride sign.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_CONVERSION_MEMREFTOLLVM_H
#define NMC_CONVERSION_MEMREFTOLLVM_H

namespace mlir {
class LLVMTypeConverter;
class RewritePatternSet;
} // namespace mlir

namespace nmc {

void populateMemRefAccessToLLVMPatterns(mlir::LLVMTypeConverter &converter,
                                        mlir::RewritePatternSet &patterns);

} // namespace nmc

#endif // NMC_CONVERSION_MEMREFTOLLVM_H
