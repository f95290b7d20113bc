#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its headers then pull in ICU types that clash with
   Foundation's _FoundationICU module on a clean build. We never touch the ICU-dependent
   fields of xmlCharEncodingHandler, so hiding ICU here is safe. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>
#include <libxml/xmlIO.h>
#include <libxml/relaxng.h>
#include <libxml/xinclude.h>

/* xmlFree is a mutable C global; Swift 6 refuses to read it directly. */
static inline void cxml_free(void *p) { xmlFree(p); }
