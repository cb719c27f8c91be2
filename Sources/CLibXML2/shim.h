#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes ICU's headers, whose
   types clash with the copy of ICU inside Foundation as soon as one Swift module sees both.
   Nothing here uses the ICU members of libxml2's structs, so their declarations are left out. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/entities.h>
#include <iconv.h>

/* In libxml2 2.9 `xmlFree` is a global variable holding a function pointer, which Swift 6
   refuses to read from concurrent code; this wrapper reads it on the C side. */
static inline void clibxml2_free(void *p) { xmlFree(p); }

/* The structured error's column lives in `int2`; named here so Swift code says what it reads. */
static inline int clibxml2_error_column(const xmlError *e) { return e ? e->int2 : 0; }

#endif
