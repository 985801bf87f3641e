// libxml2's functions as newsdb uses them (src/net), loaded on first use (lazy_library.hpp).
#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "dynload/lazy_library.hpp"

using newsdb::dynload::kXml2;

NEWSDB_LAZY_FUNCTION(kXml2, void, xmlInitParser, (void), ())
NEWSDB_LAZY_FUNCTION(kXml2, xmlDocPtr, xmlReadMemory,
                     (const char* buffer, int size, const char* url, const char* encoding,
                      int options),
                     (buffer, size, url, encoding, options))
NEWSDB_LAZY_FUNCTION(kXml2, htmlDocPtr, htmlReadMemory,
                     (const char* buffer, int size, const char* url, const char* encoding,
                      int options),
                     (buffer, size, url, encoding, options))
NEWSDB_LAZY_FUNCTION(kXml2, const htmlEntityDesc*, htmlEntityLookup, (const xmlChar* name),
                     (name))
NEWSDB_LAZY_FUNCTION(kXml2, void, xmlFreeDoc, (xmlDocPtr doc), (doc))
NEWSDB_LAZY_FUNCTION(kXml2, xmlNodePtr, xmlDocGetRootElement, (const xmlDoc* doc), (doc))
NEWSDB_LAZY_FUNCTION(kXml2, long, xmlGetLineNo, (const xmlNode* node), (node))
NEWSDB_LAZY_FUNCTION(kXml2, xmlChar*, xmlGetProp, (const xmlNode* node, const xmlChar* name),
                     (node, name))
NEWSDB_LAZY_FUNCTION(kXml2, xmlAttrPtr, xmlHasNsProp,
                     (const xmlNode* node, const xmlChar* name, const xmlChar* ns),
                     (node, name, ns))
NEWSDB_LAZY_FUNCTION(kXml2, int, xmlNodeDump,
                     (xmlBufferPtr buf, xmlDocPtr doc, xmlNodePtr node, int level, int format),
                     (buf, doc, node, level, format))
NEWSDB_LAZY_FUNCTION(kXml2, xmlBufferPtr, xmlBufferCreate, (void), ())
NEWSDB_LAZY_FUNCTION(kXml2, void, xmlBufferFree, (xmlBufferPtr buf), (buf))
NEWSDB_LAZY_FUNCTION(kXml2, const xmlChar*, xmlBufferContent, (const xmlBuffer* buf), (buf))
NEWSDB_LAZY_FUNCTION(kXml2, int, xmlBufferLength, (const xmlBuffer* buf), (buf))
// Error handlers (net/libxml_errors.hpp): the per-thread handler variables and their setters.
NEWSDB_LAZY_FUNCTION(kXml2, void, xmlSetStructuredErrorFunc,
                     (void* ctx, xmlStructuredErrorFunc handler), (ctx, handler))
NEWSDB_LAZY_FUNCTION(kXml2, void, xmlSetGenericErrorFunc, (void* ctx, xmlGenericErrorFunc handler),
                     (ctx, handler))
NEWSDB_LAZY_FUNCTION(kXml2, xmlStructuredErrorFunc*, __xmlStructuredError, (void), ())
NEWSDB_LAZY_FUNCTION(kXml2, void**, __xmlStructuredErrorContext, (void), ())
NEWSDB_LAZY_FUNCTION(kXml2, xmlGenericErrorFunc*, __xmlGenericError, (void), ())
NEWSDB_LAZY_FUNCTION(kXml2, void**, __xmlGenericErrorContext, (void), ())

// xmlFree is not a function but a variable holding libxml2's deallocator (xmlMemSetup can change
// it), so newsdb's own xmlFree forwards each call to whatever libxml2's variable holds then.
namespace {
void free_with_libxml2(void* memory) {
  static auto* const real =
      static_cast<xmlFreeFunc*>(newsdb::dynload::lazy_symbol(kXml2, "xmlFree"));
  (*real)(memory);
}
}  // namespace

extern "C" {
xmlFreeFunc xmlFree = free_with_libxml2;
}
