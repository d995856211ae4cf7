// Syntax of the nmc source language, a strict subset of Python 3.
//
// The grammar follows Python's own (3.8 style) closely and also accepts
// common constructs outside the subset (classes, lambdas, with, try, dicts,
// comprehensions, ...), so that the AST builder can reject them by name at
// their location instead of reporting a bare syntax error. It runs on the
// token stream of IndentingTokenSource, which provides NEWLINE, INDENT and
// DEDENT.
parser grammar PythonParser;

options { tokenVocab = PythonLexer; }

file_input : (NEWLINE | stmt)* EOF;

stmt : simple_stmts | compound_stmt;

simple_stmts : simple_stmt (SEMI simple_stmt)* SEMI? NEWLINE;

simple_stmt
  : expr_stmt
  | pass_stmt
  | break_stmt
  | continue_stmt
  | return_stmt
  | raise_stmt
  | import_stmt
  | global_stmt
  | del_stmt
  | assert_stmt
  | yield_expr
  ;

// `a = b = value`, `x: T = value`, `x += value` or a bare expression.
expr_stmt
  : testlist_star_expr
    ( annassign
    | augassign (yield_expr | testlist)
    | (ASSIGN (yield_expr | testlist_star_expr))*
    )
  ;
annassign : COLON test (ASSIGN (yield_expr | testlist_star_expr))?;
augassign
  : PLUSEQUAL | MINEQUAL | STAREQUAL | SLASHEQUAL | DOUBLESLASHEQUAL
  | PERCENTEQUAL | DOUBLESTAREQUAL | ATEQUAL | AMPEREQUAL | VBAREQUAL
  | CIRCUMFLEXEQUAL | LSHIFTEQUAL | RSHIFTEQUAL
  ;
testlist_star_expr : (test | star_expr) (COMMA (test | star_expr))* COMMA?;

pass_stmt     : PASS;
break_stmt    : BREAK;
continue_stmt : CONTINUE;
return_stmt   : RETURN testlist_star_expr?;
raise_stmt    : RAISE (test (FROM test)?)?;
global_stmt   : (GLOBAL | NONLOCAL) NAME (COMMA NAME)*;
del_stmt      : DEL exprlist;
assert_stmt   : ASSERT test (COMMA test)?;

import_stmt : import_name | import_from;
import_name : IMPORT dotted_as_name (COMMA dotted_as_name)*;
dotted_as_name : dotted_name (AS NAME)?;
import_from
  : FROM DOT* dotted_name? IMPORT
    (STAR | LPAR import_as_names RPAR | import_as_names)
  ;
import_as_names : import_as_name (COMMA import_as_name)* COMMA?;
import_as_name  : NAME (AS NAME)?;
dotted_name     : NAME (DOT NAME)*;

compound_stmt
  : if_stmt
  | while_stmt
  | for_stmt
  | try_stmt
  | with_stmt
  | funcdef
  | classdef
  | decorated
  | async_stmt
  ;

if_stmt    : IF test COLON block elif_clause* else_clause?;
elif_clause : ELIF test COLON block;
else_clause : ELSE COLON block;
while_stmt : WHILE test COLON block else_clause?;
for_stmt   : FOR exprlist IN testlist COLON block else_clause?;
try_stmt
  : TRY COLON block
    ( (except_clause COLON block)+ else_clause? (FINALLY COLON block)?
    | FINALLY COLON block
    )
  ;
except_clause : EXCEPT (test (AS NAME)?)?;
with_stmt  : WITH with_item (COMMA with_item)* COLON block;
with_item  : test (AS expr)?;

decorated : decorator+ (funcdef | classdef | async_stmt);
decorator : AT test NEWLINE;
funcdef   : DEF NAME LPAR parameters? RPAR (ARROW test)? COLON block;
parameters : parameter (COMMA parameter)* COMMA?;
parameter
  : NAME (COLON test)? (ASSIGN test)?
  | STAR NAME? (COLON test)?
  | DOUBLESTAR NAME (COLON test)?
  | SLASH
  ;
classdef  : CLASS NAME (LPAR arglist? RPAR)? COLON block;
async_stmt : ASYNC (funcdef | with_stmt | for_stmt);

block : simple_stmts | NEWLINE INDENT stmt+ DEDENT;

// Expressions, loosest binding first.
test
  : or_test (IF or_test ELSE test)?
  | LAMBDA parameters? COLON test
  | NAME WALRUS test
  ;
or_test  : and_test (OR and_test)*;
and_test : not_test (AND not_test)*;
not_test : NOT not_test | comparison;
comparison : expr (comp_op expr)*;
comp_op
  : LESS | GREATER | EQEQUAL | GREATEREQUAL | LESSEQUAL | NOTEQUAL
  | IN | NOT IN | IS | IS NOT
  ;
star_expr  : STAR expr;
expr       : xor_expr (VBAR xor_expr)*;
xor_expr   : and_expr (CIRCUMFLEX and_expr)*;
and_expr   : shift_expr (AMPER shift_expr)*;
shift_expr : arith_expr ((LSHIFT | RSHIFT) arith_expr)*;
arith_expr : term ((PLUS | MINUS) term)*;
term       : factor ((STAR | AT | SLASH | PERCENT | DOUBLESLASH) factor)*;
factor     : (PLUS | MINUS | TILDE) factor | power;
// `**` binds tighter than a unary operator on its left and is
// right-associative: `-2**2` is `-(2**2)`, `2**-1` is `2**(-1)`.
power      : atom_expr (DOUBLESTAR factor)?;
atom_expr  : AWAIT? atom trailer*;
atom
  : LPAR (yield_expr | testlist_comp)? RPAR
  | LSQB testlist_comp? RSQB
  | LBRACE dictorsetmaker? RBRACE
  | NAME
  | NUMBER
  | STRING+
  | NONE
  | TRUE
  | FALSE
  ;
testlist_comp
  : (test | star_expr) (comp_for | (COMMA (test | star_expr))* COMMA?)
  ;
trailer : LPAR arglist? RPAR | LSQB subscriptlist RSQB | DOT NAME;
subscriptlist : subscript (COMMA subscript)* COMMA?;
// Left-factored: a slice and an index share their first test, so the parser
// decides on the next token instead of looking past the whole expression.
subscript : test (COLON test? (COLON test?)?)? | COLON test? (COLON test?)?;
exprlist : (expr | star_expr) (COMMA (expr | star_expr))* COMMA?;
testlist : test (COMMA test)* COMMA?;
dictorsetmaker
  : (test COLON test | DOUBLESTAR expr)
    (comp_for | (COMMA (test COLON test | DOUBLESTAR expr))* COMMA?)
  | (test | star_expr) (comp_for | (COMMA (test | star_expr))* COMMA?)
  ;
arglist  : argument (COMMA argument)* COMMA?;
argument
  : test comp_for?
  | NAME ASSIGN test
  | STAR test
  | DOUBLESTAR test
  ;
comp_for  : ASYNC? FOR exprlist IN or_test (comp_for | comp_if)?;
comp_if   : IF or_test (comp_for | comp_if)?;
yield_expr : YIELD (FROM test | testlist_star_expr)?;
