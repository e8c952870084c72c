/* esc_count.h: the escapade-count instrumentation (declared publicly in
 * escapade.h as esc_instrument_counts). */
#ifndef ESC_COUNT_H
#define ESC_COUNT_H
#include "escapade/escapade.h"
#endif
