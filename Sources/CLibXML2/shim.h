#ifndef ARTICLED_CLIBXML2_SHIM_H
#define ARTICLED_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and its encoding.h then includes the system's ICU headers,
   whose UErrorCode clashes with the Swift toolchain's own ICU module in any Swift module that
   also imports Foundation. articled never touches libxml2's ICU converters (the parser gets
   UTF-8), so the headers are read without them; only xmlCharEncodingHandler's tail differs, and
   articled uses that type through pointers only. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#endif
