// Tokens of the nmc source language, a strict subset of Python 3.
//
// The lexer knows nothing about indentation: it emits a NEWLINE at every
// physical line break and skips whitespace, comments and backslash line
// joins. IndentingTokenSource turns that stream into Python's logical lines
// (NEWLINE, INDENT, DEDENT). Keywords outside the subset are still tokens so
// that the parser can recognise the construct and the AST builder can reject
// it by name.
lexer grammar PythonLexer;

tokens { INDENT, DEDENT }

// Keywords.
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FALSE    : 'False';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONE     : 'None';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRUE     : 'True';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

NAME : [a-zA-Z_\p{L}] [a-zA-Z0-9_\p{L}\p{N}]*;

// One token for every numeric literal; the AST builder tells them apart.
NUMBER : INTEGER | FLOAT | IMAGINARY;

// Prefixes r, b, u, f and their combinations are all lexed; the AST builder
// rejects those outside the subset.
STRING : STRING_PREFIX? (SHORT_STRING | LONG_STRING);

// A quote with no closing quote on its line. Never longer than a complete
// STRING, so it only wins when the literal is unterminated.
UNTERMINATED_STRING
  : STRING_PREFIX? ('\'' (ESCAPE_SEQ | ~[\\\r\n'])* | '"' (ESCAPE_SEQ | ~[\\\r\n"])*)
  ;

NEWLINE : '\r'? '\n' | '\r';

// Operators and delimiters; longer ones first only for readability, ANTLR
// picks the longest match.
LPAR       : '(';
RPAR       : ')';
LSQB       : '[';
RSQB       : ']';
LBRACE     : '{';
RBRACE     : '}';
COMMA      : ',';
COLON      : ':';
SEMI       : ';';
DOT        : '.';
ARROW      : '->';
WALRUS     : ':=';
AT         : '@';
ASSIGN     : '=';
PLUS       : '+';
MINUS      : '-';
STAR       : '*';
DOUBLESTAR : '**';
SLASH      : '/';
DOUBLESLASH: '//';
PERCENT    : '%';
TILDE      : '~';
AMPER      : '&';
VBAR       : '|';
CIRCUMFLEX : '^';
LSHIFT     : '<<';
RSHIFT     : '>>';
LESS       : '<';
GREATER    : '>';
EQEQUAL    : '==';
NOTEQUAL   : '!=';
LESSEQUAL  : '<=';
GREATEREQUAL : '>=';
PLUSEQUAL  : '+=';
MINEQUAL   : '-=';
STAREQUAL  : '*=';
SLASHEQUAL : '/=';
DOUBLESLASHEQUAL : '//=';
PERCENTEQUAL : '%=';
DOUBLESTAREQUAL : '**=';
ATEQUAL    : '@=';
AMPEREQUAL : '&=';
VBAREQUAL  : '|=';
CIRCUMFLEXEQUAL : '^=';
LSHIFTEQUAL : '<<=';
RSHIFTEQUAL : '>>=';

SKIP_ : (SPACES | COMMENT | LINE_JOIN) -> skip;

// Anything else; IndentingTokenSource reports it, so the lexer never fails.
ERROR_CHAR : .;

fragment SPACES    : [ \t\f]+;
fragment COMMENT   : '#' ~[\r\n]*;
fragment LINE_JOIN : '\\' [ \t]* ('\r'? '\n' | '\r');

fragment INTEGER
  : [1-9] ('_'? [0-9])*
  | '0'+ ('_'? '0')*
  | '0' [xX] ('_'? [0-9a-fA-F])+
  | '0' [oO] ('_'? [0-7])+
  | '0' [bB] ('_'? [01])+
  ;
fragment DIGITS    : [0-9] ('_'? [0-9])*;
fragment EXPONENT  : [eE] [+-]? DIGITS;
fragment FLOAT
  : DIGITS? '.' DIGITS EXPONENT?
  | DIGITS '.' EXPONENT?
  | DIGITS EXPONENT
  ;
fragment IMAGINARY : (FLOAT | DIGITS) [jJ];

fragment STRING_PREFIX : [rRbBuUfF] | [rR] [bBfF] | [bBfF] [rR];
fragment SHORT_STRING
  : '\'' (ESCAPE_SEQ | ~[\\\r\n'])* '\''
  | '"' (ESCAPE_SEQ | ~[\\\r\n"])* '"'
  ;
fragment LONG_STRING
  : '\'\'\'' (ESCAPE_SEQ | ~'\\')*? '\'\'\''
  | '"""' (ESCAPE_SEQ | ~'\\')*? '"""'
  ;
fragment ESCAPE_SEQ : '\\' ('\r\n' | .);
