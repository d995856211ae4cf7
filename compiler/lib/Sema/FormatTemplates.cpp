//===- FormatTemplates.cpp - str.format strings split at compile time -----===//
//
// The format string of `"...".format(...)` is a literal, so its fields are
// found here, once, as CPython's MarkupIterator finds them at run time:
// literal text (`{{`, `}}`), `{field!conversion:spec}` with fields named
// by index, by order or by keyword, and specs that hold fields themselves.
//
//===----------------------------------------------------------------------===//

#include "nmc/Sema/FormatTemplates.h"

#include "llvm/ADT/STLExtras.h"

#include <cctype>

using namespace nmc;
using namespace nmc::sema;

namespace {

class TemplateParser {
public:
  TemplateParser(size_t numPositional, llvm::ArrayRef<std::string> keywords)
      : numPositional(numPositional), keywords(keywords) {}

  /// The pieces of `text`; at `depth` 1 it is a field's spec.
  bool parse(llvm::StringRef text, int depth,
             std::vector<FormatPiece> &pieces) {
    std::string literal;
    auto flush = [&] {
      if (!literal.empty())
        pieces.push_back({literal, -1, 0, {}});
      literal.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      char next = i + 1 < text.size() ? text[i + 1] : '\0';
      if (c == '}') {
        if (next != '}')
          return fail("Single '}' encountered in format string");
        literal += '}';
        ++i;
        continue;
      }
      if (c != '{') {
        literal += c;
        continue;
      }
      if (next == '{') {
        literal += '{';
        ++i;
        continue;
      }
      // The field runs to the '}' that balances its '{'.
      size_t end = i + 1;
      for (int open = 1; end < text.size(); ++end) {
        if (text[end] == '{')
          ++open;
        else if (text[end] == '}' && --open == 0)
          break;
      }
      if (end >= text.size())
        return fail(text.find('}', i) == llvm::StringRef::npos
                        ? "Single '{' encountered in format string"
                        : "expected '}' before end of string");
      flush();
      if (depth > 1)
        return fail("Max string recursion exceeded");
      FormatPiece field;
      if (!parseField(text.slice(i + 1, end), depth, field))
        return false;
      pieces.push_back(std::move(field));
      i = end;
    }
    flush();
    return true;
  }

  std::string error;

private:
  bool fail(const std::string &message) {
    error = message;
    return false;
  }

  bool parseField(llvm::StringRef body, int depth, FormatPiece &field) {
    size_t nameEnd = body.find_first_of("!:");
    llvm::StringRef name = body.take_front(nameEnd);
    llvm::StringRef rest =
        nameEnd == llvm::StringRef::npos ? "" : body.drop_front(nameEnd);
    if (name.find_first_of(".[") != llvm::StringRef::npos)
      return fail("attribute and index fields ('" + name.str() +
                  "') are not supported yet");
    if (!bindName(name, field))
      return false;
    if (rest.starts_with("!")) {
      if (rest.size() < 2)
        return fail("end of string while looking for conversion specifier");
      char conversion = rest[1];
      if (conversion != 'r' && conversion != 's')
        return fail(conversion == 'a'
                        ? std::string("the !a conversion is not supported yet")
                        : std::string("Unknown conversion specifier ") +
                              conversion);
      field.conversion = conversion;
      rest = rest.drop_front(2);
      if (!rest.empty() && !rest.starts_with(":"))
        return fail("expected ':' after conversion specifier");
    }
    if (rest.starts_with(":"))
      return parse(rest.drop_front(), depth + 1, field.spec);
    return true;
  }

  /// Resolves a field name to an argument: "" is the next one, "2" the
  /// third positional, "width" a keyword.
  bool bindName(llvm::StringRef name, FormatPiece &field) {
    if (name.empty()) {
      if (manual)
        return fail("cannot switch from manual field specification to "
                    "automatic field numbering");
      automatic = true;
      return bindPositional(nextAutomatic++, field);
    }
    if (llvm::all_of(name, [](char c) { return std::isdigit(c); })) {
      if (automatic)
        return fail("cannot switch from automatic field numbering to manual "
                    "field specification");
      manual = true;
      size_t index = 0;
      if (name.getAsInteger(10, index))
        return fail("Too many decimal digits in format string");
      return bindPositional(index, field);
    }
    auto it = llvm::find(keywords, name);
    if (it == keywords.end())
      return fail("KeyError: '" + name.str() + "' (no such keyword argument)");
    field.argument = static_cast<int>(numPositional + (it - keywords.begin()));
    return true;
  }

  bool bindPositional(size_t index, FormatPiece &field) {
    if (index >= numPositional)
      return fail("IndexError: Replacement index " + std::to_string(index) +
                  " out of range for positional args tuple");
    field.argument = static_cast<int>(index);
    return true;
  }

  size_t numPositional;
  llvm::ArrayRef<std::string> keywords;
  bool automatic = false, manual = false;
  size_t nextAutomatic = 0;
};

} // namespace

std::optional<std::string>
sema::parseFormatTemplate(llvm::StringRef text, size_t numPositional,
                          llvm::ArrayRef<std::string> keywords,
                          std::vector<FormatPiece> &pieces) {
  TemplateParser parser(numPositional, keywords);
  if (parser.parse(text, 0, pieces))
    return std::nullopt;
  return parser.error;
}

std::optional<std::string>
sema::parsePercentTemplate(llvm::StringRef text, size_t numArgs,
                           std::vector<FormatPiece> &pieces) {
  std::string literal;
  size_t next = 0;
  auto flush = [&] {
    if (!literal.empty())
      pieces.push_back({literal, -1, 0, {}});
    literal.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      literal += text[i];
      continue;
    }
    if (++i >= text.size())
      return std::string("incomplete format");
    if (text[i] == '%') {
      literal += '%';
      continue;
    }
    if (text[i] == '(')
      return std::string("mapping keys (%(name)s) are not supported yet");
    // Flags, width, precision, then the conversion type.
    bool left = false, zero = false, alternate = false;
    char sign = 0;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (c == '-')
        left = true;
      else if (c == '0')
        zero = true;
      else if (c == '#')
        alternate = true;
      else if (c == '+')
        sign = '+';
      else if (c == ' ')
        sign = sign ? sign : ' ';
      else
        break;
    }
    std::string width, precision;
    bool hasPrecision = false;
    for (; i < text.size() && std::isdigit(text[i]); ++i)
      width += text[i];
    if (i < text.size() && text[i] == '.') {
      hasPrecision = true;
      for (++i; i < text.size() && std::isdigit(text[i]); ++i)
        precision += text[i];
    }
    if (i < text.size() && text[i] == '*')
      return std::string("'*' widths are not supported yet");
    // Length modifiers are accepted and ignored, as Python does.
    while (i < text.size() && llvm::StringRef("hlL").contains(text[i]))
      ++i;
    if (i >= text.size())
      return std::string("incomplete format");
    char type = text[i];
    if (!llvm::StringRef("diuoxXeEfFgGcrs").contains(type))
      return "unsupported format character '" + std::string(1, type) + "'";
    bool isText = type == 's' || type == 'r';
    bool isInteger = llvm::StringRef("diuoxXc").contains(type);
    if (isInteger && hasPrecision && type != 'c')
      return std::string("a precision with %") + type +
             " (minimum digits) is not supported yet";
    FormatPiece field;
    field.argument = static_cast<int>(next++);
    field.conversion = isText                                  ? type
                       : llvm::StringRef("diu").contains(type) ? 'd'
                                                               : 0;
    // The same layout in the format-spec language: %s aligns right.
    std::string spec;
    if (left)
      spec += '<';
    else if (isText)
      spec += '>';
    if (sign && !isText)
      spec += sign;
    if (alternate && !isText)
      spec += '#';
    if (zero && !left && !isText)
      spec += '0';
    spec += width;
    if (hasPrecision)
      spec += "." + (precision.empty() ? std::string("0") : precision);
    if (!isText)
      spec += llvm::StringRef("iu").contains(type) ? 'd' : type;
    field.spec.push_back({spec, -1, 0, {}});
    flush();
    pieces.push_back(std::move(field));
  }
  flush();
  if (next < numArgs)
    return std::string("TypeError: not all arguments converted during "
                       "string formatting");
  if (next > numArgs)
    return std::string("TypeError: not enough arguments for format string");
  return std::nullopt;
}
