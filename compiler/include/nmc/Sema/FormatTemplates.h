//===- FormatTemplates.h - str.format strings split at compile time -*- C++
//-*-===//

#ifndef NMC_SEMA_FORMATTEMPLATES_H
#define NMC_SEMA_FORMATTEMPLATES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace nmc::sema {

/// Literal text, or a replacement field of a format string.
struct FormatPiece {
  /// The text of a literal piece.
  std::string text;
  /// The field's argument: an index into the call's arguments, positional
  /// ones first, then keywords in source order; -1 for literal text.
  int argument = -1;
  /// `!r` or `!s`; 'd' for the int() that `%d` applies to a float; or 0.
  char conversion = 0;
  /// The pieces of the field's format spec (empty: none).
  std::vector<FormatPiece> spec;
};

/// Splits the literal format string `text` of a str.format call with
/// `numPositional` positional arguments and the keyword arguments
/// `keywords`, as CPython does when it formats. Returns Python's reason
/// when the string is malformed or names a missing argument.
std::optional<std::string>
parseFormatTemplate(llvm::StringRef text, size_t numPositional,
                    llvm::ArrayRef<std::string> keywords,
                    std::vector<FormatPiece> &pieces);

/// Splits the literal of printf-style formatting, `text % args`, with
/// `numArgs` values to format: each conversion (`%-8.3f`, `%5s`, `%x`,
/// `%r`) becomes a field with the equivalent format spec, `%%` text.
/// Returns Python's reason when the string is malformed or the count of
/// values differs.
std::optional<std::string>
parsePercentTemplate(llvm::StringRef text, size_t numArgs,
                     std::vector<FormatPiece> &pieces);

} // namespace nmc::sema

#endif // NMC_SEMA_FORMATTEMPLATES_H
