# Writes the man page newsdb.1 from the program's own help, at build time:
#
#   cmake -DNEWSDB=path/to/newsdb -DOUT=newsdb.1 -DVERSION=x.y.z -P cmake/newsdb_man.cmake
#
# NAME, SYNOPSIS and the closing sections are written here; DESCRIPTION is `newsdb --help` and
# COMMANDS is `newsdb COMMAND --help` for every command that help lists, each kept as printed
# (no-fill), so the page says exactly what the program says.
foreach(var NEWSDB OUT VERSION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "newsdb_man.cmake: -D${var}= is required")
  endif()
endforeach()

function(help_of out_var)
  execute_process(COMMAND ${NEWSDB} ${ARGN} --help
                  OUTPUT_VARIABLE text ERROR_VARIABLE err RESULT_VARIABLE rc
                  ENCODING UTF-8)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "newsdb_man.cmake: `newsdb ${ARGN} --help` exited ${rc}: ${err}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Help text as roff no-fill lines: backslashes escaped, no line read as a request.
function(as_roff out_var text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  string(REGEX REPLACE "\n+$" "" text "${text}")
  set(${out_var} ".nf\n${text}\n.fi\n" PARENT_SCOPE)
endfunction()

help_of(top)
# The commands: the indented names under the help's commands heading.
set(commands "")
set(in_commands OFF)
string(REPLACE "\n" ";" lines "${top}")
foreach(line IN LISTS lines)
  if(line MATCHES "^[A-Za-z ]*(ommands|OMMANDS):")
    set(in_commands ON)
  elseif(in_commands AND line MATCHES "^  +([a-z][a-z-]*)( |$)")
    list(APPEND commands ${CMAKE_MATCH_1})
  elseif(in_commands AND line MATCHES "^[^ ]")
    set(in_commands OFF)
  endif()
endforeach()
list(REMOVE_DUPLICATES commands)
list(REMOVE_ITEM commands help)
list(LENGTH commands n)
if(n LESS 5)
  message(FATAL_ERROR "newsdb_man.cmake: found ${n} commands in `newsdb --help`:\n${top}")
endif()

string(TIMESTAMP date "%Y-%m-%d" UTC)  # SOURCE_DATE_EPOCH, when set, fixes it
as_roff(description "${top}")
set(page ".TH NEWSDB 1 \"${date}\" \"newsdb ${VERSION}\" \"User Commands\"
.SH NAME
newsdb \\- a database of news articles: import, query, search, fetch feeds
.SH SYNOPSIS
.B newsdb
.RI [ OPTIONS ]
.I COMMAND
.RI [ ARGS ]
.SH DESCRIPTION
${description}.SH COMMANDS
")
foreach(command IN LISTS commands)
  help_of(text ${command})
  as_roff(body "${text}")
  string(APPEND page ".SS ${command}\n${body}")
endforeach()
string(APPEND page ".SH ENVIRONMENT
.TP
.B NEWSDB_DB
The database when
.B \\-\\-db
is not given: a SQLite file, or a
.I postgresql://
URI.
.SH EXIT STATUS
0 on success, 2 for a usage error (the message says what to type instead), 1 for anything
else that went wrong.
.SH SEE ALSO
.BR sqlite3 (1),
.BR psql (1)
.PP
The documentation in
.I share/doc/newsdb
and the project's
.I docs/
folder: the article format, the commands, PostgreSQL, performance.
")
file(WRITE ${OUT} "${page}")
