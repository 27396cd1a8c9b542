#ifndef ARTICLED_CLIBXML2_SHIM_H
#define ARTICLED_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#endif
