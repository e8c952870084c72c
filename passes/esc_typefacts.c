/*
 * esc_typefacts.c: per-module type facts, recorded before linking.
 *
 * Whole-program resolution keys memory by struct field: "name@offset", where
 * name is the struct's source name (LLVM's "struct.ops.12" and TBAA's
 * "ops" both become "ops") and offset is the byte offset of the field. Every
 * enclosing struct level gets a key too ("outer@24" and "inner@8" for the
 * same field), so a fact stored through one path is found through another.
 *
 * Keys are computed here, in the module's own type context, and attached to
 * the loads and stores as !escapade.slot metadata, and to global
 * initializers as the named metadata !escapade.init = !{!{!"key", ptr @fn}}.
 * Both survive llvm-link, which merges struct types with identical layouts
 * and would otherwise mix the facts of unrelated types.
 */
#include "esc_typefacts.h"
#include "esc_limits.h"

#include "esc_loc.h"
#include "esc_sites.h"

#include <llvm-c/Target.h>
#include <stdio.h>
#include <string.h>

typedef struct keylist {
  int n;
  char key[ESC_TF_MAX_KEYS][160];
} keylist;

/* TBAA names are source names for C and "_ZTS<mangled>" for C++. */
static void norm_tbaa_name(const char *s, size_t len, char *out, size_t n) {
  char buf[256];
  snprintf(buf, sizeof buf, "%.*s", (int)len, s);
  if (strncmp(buf, "_ZTS", 4)) {
    snprintf(out, n, "%s", buf);
    return;
  }
  const char *p = buf + 4;
  int nested = 0;
  if (*p == 'N') {
    nested = 1;
    p++;
  }
  out[0] = 0;
  size_t used = 0;
  while (*p >= '0' && *p <= '9') {
    int l = 0;
    while (*p >= '0' && *p <= '9')
      l = l * 10 + (*p++ - '0');
    if ((int)strlen(p) < l)
      break;
    used += (size_t)snprintf(out + used, used < n ? n - used : 0, "%s%.*s",
                             used ? "::" : "", l, p);
    p += l;
    if (!nested)
      break;
  }
  if (!out[0])
    snprintf(out, n, "%s", buf);
}

static void add_key(keylist *k, const char *name, long long off) {
  if (k->n >= ESC_TF_MAX_KEYS || off < 0)
    return;
  char key[160];
  snprintf(key, sizeof key, "%s@%lld", name, off);
  for (int i = 0; i < k->n; i++)
    if (!strcmp(k->key[i], key))
      return;
  snprintf(k->key[k->n++], sizeof k->key[0], "%s", key);
}

/* Every element of an array field shares one key (the first element's):
 * an element read at a variable index is then the element written at a
 * constant one. */
static long long norm_off(LLVMTargetDataRef td, LLVMTypeRef t, long long off) {
  long long base = 0;
  for (int depth = 0; depth < ESC_TF_NORM_DEPTH && off >= 0; depth++) {
    LLVMTypeKind kind = LLVMGetTypeKind(t);
    if (kind == LLVMArrayTypeKind || kind == LLVMVectorTypeKind) {
      LLVMTypeRef el = LLVMGetElementType(t);
      long long esz = (long long)LLVMABISizeOfType(td, el);
      if (esz > 0)
        off %= esz;
      t = el;
      continue;
    }
    if (kind != LLVMStructTypeKind || LLVMIsOpaqueStruct(t))
      break;
    long long fo;
    int i = esc_struct_field_at(td, t, off, &fo);
    if (i < 0)
      break;
    base += fo;
    off -= fo;
    t = LLVMStructGetTypeAtIndex(t, (unsigned)i);
  }
  return base + off;
}

static void add_struct_key(LLVMTargetDataRef td, keylist *k, LLVMTypeRef st,
                           long long off) {
  char name[128];
  esc_struct_source_name(LLVMGetStructName(st), name, sizeof name);
  add_key(k, name, LLVMIsOpaqueStruct(st) ? off : norm_off(td, st, off));
}

/* Keys for the fields below (st, off): nested structs and arrays of them. */
static void decompose(LLVMTargetDataRef td, keylist *k, LLVMTypeRef t,
                      long long off, int depth) {
  for (; depth < ESC_TF_TYPE_DEPTH; depth++) {
    LLVMTypeKind kind = LLVMGetTypeKind(t);
    if (kind == LLVMArrayTypeKind) {
      LLVMTypeRef el = LLVMGetElementType(t);
      long long sz = (long long)LLVMABISizeOfType(td, el);
      if (sz <= 0)
        return;
      off %= sz;
      t = el;
      continue;
    }
    if (kind != LLVMStructTypeKind || LLVMIsOpaqueStruct(t))
      return;
    long long fo;
    int i = esc_struct_field_at(td, t, off, &fo);
    if (i < 0)
      return;
    LLVMTypeRef ft = LLVMStructGetTypeAtIndex(t, (unsigned)i);
    off -= fo;
    t = ft;
    if (LLVMGetTypeKind(ft) == LLVMStructTypeKind && !LLVMIsOpaqueStruct(ft))
      add_struct_key(td, k, ft, off);
  }
}

static int const_index(LLVMValueRef v, long long *out) {
  if (!LLVMIsAConstantInt(v))
    return 0;
  *out = LLVMConstIntGetSExtValue(v);
  return 1;
}

/* Keys from a chain of GEPs ending at addr; tail is the byte offset of the
 * accessed location past addr. */
static void gep_keys(LLVMTargetDataRef td, keylist *k, LLVMValueRef addr,
                     long long tail, int depth) {
  if (depth > ESC_TF_GEP_DEPTH || !addr)
    return;
  LLVMOpcode op;
  if (LLVMIsAInstruction(addr))
    op = LLVMGetInstructionOpcode(addr);
  else if (LLVMIsAConstantExpr(addr))
    op = LLVMGetConstOpcode(addr);
  else
    return;
  if (op == LLVMBitCast || op == LLVMAddrSpaceCast) {
    gep_keys(td, k, LLVMGetOperand(addr, 0), tail, depth + 1);
    return;
  }
  if (op != LLVMGetElementPtr)
    return;
  LLVMTypeRef t = LLVMGetGEPSourceElementType(addr);
  int nops = LLVMGetNumOperands(addr);
  long long first;
  int first_const = const_index(LLVMGetOperand(addr, 1), &first);
  long long sz = LLVMTypeIsSized(t) ? (long long)LLVMABISizeOfType(td, t) : 0;
  /* absolute offsets from the start of the element addressed by index 0 */
  long long pos = 0;
  struct {
    LLVMTypeRef st;
    long long start;
  } levels[ESC_TF_GEP_LEVELS];
  int nlev = 0;
  if (LLVMGetTypeKind(t) == LLVMStructTypeKind && nops > 2)
    levels[nlev++].st = t, levels[nlev - 1].start = 0;
  for (int i = 2; i < nops; i++) {
    long long idx;
    LLVMTypeKind kind = LLVMGetTypeKind(t);
    if (!const_index(LLVMGetOperand(addr, (unsigned)i), &idx)) {
      if (kind != LLVMArrayTypeKind && kind != LLVMVectorTypeKind)
        return;
      idx = 0; /* any element of an array field: they share one key */
    }
    if (kind == LLVMStructTypeKind) {
      pos += (long long)LLVMOffsetOfElement(td, t, (unsigned)idx);
      t = LLVMStructGetTypeAtIndex(t, (unsigned)idx);
    } else if (kind == LLVMArrayTypeKind || kind == LLVMVectorTypeKind) {
      t = LLVMGetElementType(t);
      pos += idx * (long long)LLVMABISizeOfType(td, t);
    } else {
      return;
    }
    if (LLVMGetTypeKind(t) == LLVMStructTypeKind && i + 1 < nops && nlev < ESC_TF_GEP_LEVELS) {
      levels[nlev].st = t;
      levels[nlev].start = pos;
      nlev++;
    }
  }
  long long final = pos + tail;
  for (int l = 0; l < nlev; l++)
    add_struct_key(td, k, levels[l].st, final - levels[l].start);
  if (nlev)
    decompose(td, k, levels[nlev - 1].st, final - levels[nlev - 1].start, 0);
  if (nops == 2 && LLVMGetTypeKind(t) != LLVMStructTypeKind && first_const) {
    /* byte GEP: continue outward with a larger tail */
    gep_keys(td, k, LLVMGetOperand(addr, 0), tail + first * sz, depth + 1);
    return;
  }
  if (first_const)
    gep_keys(td, k, LLVMGetOperand(addr, 0), final + first * sz, depth + 1);
}

/* The struct type a TBAA name refers to in this module, if defined. */
static LLVMTypeRef struct_named(LLVMContextRef ctx, const char *name) {
  static const char *prefixes[] = {"struct.", "class.", "union."};
  char buf[300];
  for (size_t i = 0; i < 3; i++) {
    snprintf(buf, sizeof buf, "%s%s", prefixes[i], name);
    LLVMTypeRef t = LLVMGetTypeByName2(ctx, buf);
    if (t)
      return t;
  }
  return NULL;
}

static void tbaa_keys(LLVMContextRef ctx, LLVMTargetDataRef td, keylist *k,
                      LLVMValueRef inst, unsigned tbaa_kind) {
  LLVMValueRef tag = LLVMGetMetadata(inst, tbaa_kind);
  if (!tag || LLVMGetMDNodeNumOperands(tag) < 3 ||
      LLVMGetMDNodeNumOperands(tag) > 4)
    return;
  LLVMValueRef ops[4];
  LLVMGetMDNodeOperands(tag, ops);
  if (ops[0] == ops[1] || !LLVMIsAConstantInt(ops[2]))
    return; /* scalar access, not a struct path */
  long long off = LLVMConstIntGetSExtValue(ops[2]);
  unsigned nb = LLVMGetMDNodeNumOperands(ops[0]);
  if (nb < 1 || nb > ESC_TF_TBAA_OPS)
    return;
  LLVMValueRef bops[ESC_TF_TBAA_OPS];
  LLVMGetMDNodeOperands(ops[0], bops);
  unsigned len = 0;
  const char *s = bops[0] ? LLVMGetMDString(bops[0], &len) : NULL;
  if (!s || !len)
    return;
  char name[160];
  norm_tbaa_name(s, len, name, sizeof name);
  LLVMTypeRef st = struct_named(ctx, name);
  add_key(k, name, st && !LLVMIsOpaqueStruct(st) ? norm_off(td, st, off) : off);
  if (st)
    decompose(td, k, st, off, 0);
}

/* Keys from the type of the object itself: a local or global of struct
 * type accessed at a constant offset (optimised code often stores into
 * such objects as plain integers, without GEP or TBAA). */
static void object_keys(LLVMTargetDataRef td, keylist *k, LLVMValueRef addr) {
  long long off;
  LLVMValueRef base = esc_base_offset(td, addr, &off);
  LLVMTypeRef t = esc_object_struct_type(base);
  if (!t || LLVMIsOpaqueStruct(t))
    return;
  long long sz = (long long)LLVMABISizeOfType(td, t);
  if (sz > 0)
    off %= sz; /* an element of an array of structs */
  add_struct_key(td, k, t, off);
  decompose(td, k, t, off, 0);
}

static void keys_of(LLVMContextRef ctx, LLVMTargetDataRef td, LLVMValueRef inst,
                    LLVMValueRef addr, unsigned tbaa_kind, keylist *k) {
  k->n = 0;
  gep_keys(td, k, addr, 0, 0);
  tbaa_keys(ctx, td, k, inst, tbaa_kind);
  object_keys(td, k, addr);
}

/* Functions inside a global initializer, at struct positions. */
static void init_facts(LLVMModuleRef M, LLVMTargetDataRef td, LLVMValueRef c,
                       LLVMTypeRef t, keylist *outer, long long *outer_start,
                       long long pos, int depth) {
  if (!c || depth > ESC_TF_INIT_DEPTH)
    return;
  LLVMTypeKind kind = LLVMGetTypeKind(t);
  if (kind == LLVMStructTypeKind) {
    unsigned n = LLVMCountStructElementTypes(t);
    keylist names = *outer;
    long long starts[ESC_TF_MAX_KEYS];
    memcpy(starts, outer_start, sizeof(long long) * ESC_TF_MAX_KEYS);
    if (names.n < ESC_TF_MAX_KEYS) {
      const char *nm = LLVMGetStructName(t);
      esc_struct_source_name(nm && *nm ? nm : "{literal}", names.key[names.n],
                     sizeof names.key[0]);
      starts[names.n++] = pos;
    }
    for (unsigned i = 0; i < n; i++) {
      LLVMValueRef e = LLVMGetAggregateElement(c, i);
      init_facts(M, td, e, LLVMStructGetTypeAtIndex(t, i), &names, starts,
                 pos + (long long)LLVMOffsetOfElement(td, t, i), depth + 1);
    }
    return;
  }
  if (kind == LLVMArrayTypeKind) {
    LLVMTypeRef el = LLVMGetElementType(t);
    unsigned n = LLVMGetArrayLength(t);
    long long sz = (long long)LLVMABISizeOfType(td, el);
    if (n > ESC_TF_INIT_ELEMENTS)
      n = ESC_TF_INIT_ELEMENTS; /* larger tables: every element has the same keys anyway */
    for (unsigned i = 0; i < n; i++) {
      LLVMValueRef e = LLVMGetAggregateElement(c, i);
      if (!e)
        break;
      /* every element shares the first element's keys (see norm_off) */
      (void)sz;
      init_facts(M, td, e, el, outer, outer_start, pos, depth + 1);
    }
    return;
  }
  LLVMValueRef fn = esc_function_of(c);
  if (!fn || !outer->n)
    return;
  LLVMContextRef ctx = LLVMGetModuleContext(M);
  for (int i = 0; i < outer->n; i++) {
    char key[200];
    snprintf(key, sizeof key, "%s@%lld", outer->key[i], pos - outer_start[i]);
    LLVMMetadataRef ops[2] = {LLVMMDStringInContext2(ctx, key, strlen(key)),
                              LLVMValueAsMetadata(fn)};
    LLVMValueRef node =
        LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, ops, 2));
    LLVMAddNamedMetadataOperand(M, ESC_FACTS_INIT, node);
  }
}

static void attach_keys(LLVMContextRef ctx, LLVMValueRef inst, unsigned kind,
                        const keylist *k) {
  if (!k->n)
    return;
  LLVMMetadataRef mds[ESC_TF_MAX_KEYS];
  for (int i = 0; i < k->n; i++)
    mds[i] = LLVMMDStringInContext2(ctx, k->key[i], strlen(k->key[i]));
  LLVMSetMetadata(
      inst, kind,
      LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, mds, (size_t)k->n)));
}

void esc_annotate_module(LLVMModuleRef M) {
  if (LLVMGetNamedMetadataNumOperands(M, ESC_FACTS_DONE) > 0)
    return;
  LLVMContextRef ctx = LLVMGetModuleContext(M);
  LLVMTargetDataRef td = LLVMGetModuleDataLayout(M);
  unsigned slot = LLVMGetMDKindIDInContext(ctx, ESC_SLOT_MD,
                                           (unsigned)strlen(ESC_SLOT_MD));
  unsigned tbaa = LLVMGetMDKindIDInContext(ctx, "tbaa", 4);
  keylist k;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn;
       fn = LLVMGetNextFunction(fn))
    ESC_FOR_EACH_INST(fn, bb, I) {
      LLVMValueRef addr = NULL;
      if (LLVMIsALoadInst(I))
        addr = LLVMGetOperand(I, 0);
      else if (LLVMIsAStoreInst(I))
        addr = LLVMGetOperand(I, 1);
      if (!addr)
        continue;
      keys_of(ctx, td, I, addr, tbaa, &k);
      attach_keys(ctx, I, slot, &k);
    }
  for (LLVMValueRef g = LLVMGetFirstGlobal(M); g; g = LLVMGetNextGlobal(g)) {
    LLVMValueRef init = LLVMGetInitializer(g);
    if (!init)
      continue;
    keylist none = {0};
    long long starts[ESC_TF_MAX_KEYS] = {0};
    init_facts(M, td, init, LLVMGlobalGetValueType(g), &none, starts, 0, 0);
  }
  LLVMValueRef done = LLVMMetadataAsValue(
      ctx, LLVMMDStringInContext2(ctx, "escapade", 8));
  LLVMValueRef node = LLVMMDNodeInContext(ctx, &done, 1);
  LLVMAddNamedMetadataOperand(M, ESC_FACTS_DONE, node);
}
