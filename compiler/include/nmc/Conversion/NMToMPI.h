//===- NMToMPI.h - nm to mpi and runtime calls ------------------*- C++ -*-===//

#ifndef NMC_CONVERSION_NMTOMPI_H
#define NMC_CONVERSION_NMTOMPI_H

#include "mlir/Transforms/DialectConversion.h"

namespace nmc {

/// `!nm.comm` becomes `!mpi.comm`; other types are left alone.
void populateNMToMPITypeConversions(mlir::TypeConverter &converter);

/// Patterns lowering every nm op to mpi ops or runtime calls.
void populateNMToMPIConversionPatterns(mlir::TypeConverter &converter,
                                       mlir::RewritePatternSet &patterns);

} // namespace nmc

#endif // NMC_CONVERSION_NMTOMPI_H
