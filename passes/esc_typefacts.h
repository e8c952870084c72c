/*
 * esc_typefacts.h: names of the metadata esc_annotate_module() (public, in
 * escapade.h) attaches before linking and esc_typeset reads after.
 *   !escapade.slot   on loads/stores: !{!"name@offset", ...}, one key per
 *                    enclosing struct level of the accessed field
 *   !escapade.init   named: !{!"name@offset", ptr @fn} per function found in
 *                    a global initializer at a struct field
 *   !escapade.annotated  named: present once the module is annotated
 */
#ifndef ESC_TYPEFACTS_H
#define ESC_TYPEFACTS_H

#include "escapade/escapade.h"

#define ESC_SLOT_MD "escapade.slot"
#define ESC_FACTS_INIT "escapade.init"
#define ESC_FACTS_DONE "escapade.annotated"

#endif
