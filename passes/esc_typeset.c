/*
 * esc_typeset.c: indirect-call resolution over the linked program.
 *
 * A flow graph of function pointers (the same solver as the escape graph,
 * with functions as its objects) is built over the whole module:
 * - a function constant is the function itself;
 * - memory is keyed by struct field (the !escapade.slot keys recorded per
 *   module before linking), by local variable (alloca), by global variable,
 *   and everything else is one untyped pool U;
 * - direct calls pass arguments to parameters and results back; indirect
 *   calls pass them through per-signature nodes to every address-taken
 *   function of that signature;
 * - values from outside the program are the object UNKNOWN: results of
 *   external functions, integers cast to pointers, parameters of main and
 *   of functions handed to external code, external globals, struct memory
 *   external code may fill.
 * The targets of an indirect call are the functions its callee value may
 * hold, plus the functions in U whose signature fits (untyped memory may
 * alias any field). C++ virtual calls guarded by llvm.type.test are
 * resolved from the vtables' !type metadata instead.
 *
 * Assumptions (documented in docs/design.md): memory written through a
 * struct field is read through a field of the same struct (or copied whole
 * by memcpy); external code stores no function pointers into program memory
 * other than struct memory passed to it.
 */
#include "esc_typeset.h"
#include "esc_limits.h"
#include "esc_usermodel.h"

#include "esc_libc.h"
#include "esc_pta.h"
#include "esc_loc.h"
#include "esc_sites.h"
#include "esc_solver.h"
#include "esc_typefacts.h"

#include <llvm-c/Target.h>
#include <stdlib.h>
#include <string.h>

enum { UNKNOWN_OBJ = 1 };

typedef struct vt_entry {
  LLVMMetadataRef typeid;
  LLVMValueRef global;
  long long offset;
} vt_entry;

typedef struct key_info {
  const char *name; /* "struct@offset" */
  int node;
} key_info;

struct esc_typeset {
  LLVMModuleRef M;
  LLVMContextRef ctx;
  LLVMTargetDataRef td;
  esc_arena *a;
  int mode;
  esc_graph *g;
  esc_ptrmap fn_obj;  /* function -> object */
  ESC_VEC(LLVMValueRef) obj_fn;
  esc_ptrmap fn_node; /* function constant -> node holding it */
  esc_ptrmap vnode;   /* instruction / argument -> node */
  esc_ptrmap mem;     /* alloca / global -> node for its contents */
  esc_ptrmap ret;     /* function -> node of its return values */
  const esc_usermodel *model; /* the user's model (borrowed) */
  esc_ptrmap keynode; /* MDString key -> index in keys */
  ESC_VEC(key_info) keys;
  esc_ptrmap sig;     /* function type -> first of nparams+1 nodes */
  esc_ptrmap addr_escapes; /* alloca/global -> 1 if its address escapes */
  ESC_VEC(LLVMValueRef) taken; /* address-taken functions */
  esc_ptrmap is_taken;
  ESC_VEC(vt_entry) vtables;
  ESC_VEC(int) forged;          /* inttoptr nodes of untracked integers */
  ESC_VEC(LLVMValueRef) to_int; /* operands of ptrtoint */
  esc_ptrmap cache; /* call -> index in results */
  ESC_VEC(esc_targets *) results;
  int U;
  int GESC; /* contents of every local and global whose address escapes */
  unsigned slot_kind;
  int over_budget;
  int strict; /* untyped loads read nothing (see sig_pool) */
  esc_pta *pta; /* the sound default (NULL in typed and signature modes) */
  int open;     /* the program loads code (dlopen) and may be called back */
  int untyped_vtables; /* a vtable (_ZTV) is defined without type metadata */
  ESC_VEC(LLVMValueRef) sig_pool; /* functions written to untyped memory */
};

const char *esc_evidence_name(esc_evidence e) {
  static const char *n[] = {"points_to", "type_metadata", "struct_field",
                            "context", "signature"};
  return (unsigned)e < ESC_EVIDENCE_COUNT ? n[e] : "?";
}

static int fn_object(esc_typeset *ts, LLVMValueRef fn) {
  int o = esc_ptrmap_get(&ts->fn_obj, fn);
  if (o >= 0)
    return o;
  o = esc_graph_object(ts->g);
  while ((int)ts->obj_fn.len <= o)
    ESC_VEC_PUSH(ts->obj_fn, NULL);
  ts->obj_fn.data[o] = fn;
  esc_ptrmap_put(&ts->fn_obj, fn, o);
  return o;
}

static int node_for(esc_ptrmap *m, esc_graph *g, const void *key) {
  int n = esc_ptrmap_get(m, key);
  if (n < 0) {
    n = esc_graph_node(g);
    esc_ptrmap_put(m, key, n);
  }
  return n;
}

static esc_why nowhy(void) { return (esc_why){ESC_WHY_COPY, 0, NULL, NULL}; }

/* The node of an ifunc's address: the functions its resolver may return,
 * or unknown when its answer cannot be followed. */
static int ifunc_node(esc_typeset *ts, LLVMValueRef ifunc) {
  int n = esc_ptrmap_get(&ts->fn_node, ifunc);
  if (n >= 0)
    return n;
  n = esc_graph_node(ts->g);
  esc_ptrmap_put(&ts->fn_node, ifunc, n);
  LLVMValueRef fns[ESC_IR_IFUNC_VALUES];
  int k = esc_ifunc_targets(ifunc, fns, ESC_IR_IFUNC_VALUES);
  if (k < 0)
    esc_graph_base(ts->g, n, UNKNOWN_OBJ, nowhy());
  for (int i = 0; i < k; i++)
    esc_graph_base(ts->g, n, fn_object(ts, fns[i]), nowhy());
  return n;
}

/* Node of a value, or -1 when it can hold no function pointer. */
static int vnode(esc_typeset *ts, LLVMValueRef v) {
  if (!v)
    return -1;
  if (LLVMIsAInstruction(v) || LLVMIsAArgument(v)) {
    /* values that can hold a function pointer: pointers, aggregates, and
     * pointer-wide integers (small memcpys become integer loads/stores) */
    LLVMTypeRef t = LLVMTypeOf(v);
    LLVMTypeKind k = LLVMGetTypeKind(t);
    if (k != LLVMPointerTypeKind && k != LLVMStructTypeKind &&
        k != LLVMArrayTypeKind && k != LLVMVectorTypeKind &&
        !(k == LLVMIntegerTypeKind && LLVMGetIntTypeWidth(t) >= 64))
      return -1;
    return node_for(&ts->vnode, ts->g, v);
  }
  LLVMValueRef fn = LLVMIsAConstant(v) ? esc_function_of(v) : NULL;
  LLVMValueRef ifunc = !fn && LLVMIsAConstant(v) ? esc_ifunc_of(v) : NULL;
  if (ifunc)
    return ifunc_node(ts, ifunc);
  if (!fn)
    return -1;
  int n = esc_ptrmap_get(&ts->fn_node, fn);
  if (n < 0) {
    n = esc_graph_node(ts->g);
    esc_graph_base(ts->g, n, fn_object(ts, fn), nowhy());
    esc_ptrmap_put(&ts->fn_node, fn, n);
  }
  return n;
}

static void copy(esc_typeset *ts, int s, int d) {
  if (s >= 0 && d >= 0)
    esc_graph_copy(ts->g, s, d, nowhy());
}

static void unknown_into(esc_typeset *ts, int n) {
  if (n >= 0)
    esc_graph_base(ts->g, n, UNKNOWN_OBJ, nowhy());
}

/* Key nodes of an annotated load/store; returns how many. */
static int slot_nodes(esc_typeset *ts, LLVMValueRef inst, int *out, int max) {
  LLVMValueRef md = LLVMGetMetadata(inst, ts->slot_kind);
  if (!md)
    return 0;
  /* all operands are written out, however many the input has */
  unsigned total = LLVMGetMDNodeNumOperands(md), n = total;
  if (n > ESC_TS_MAX_KEYS)
    n = ESC_TS_MAX_KEYS;
  LLVMValueRef *ops = esc_xmalloc(sizeof(LLVMValueRef) * (total ? total : 1));
  LLVMGetMDNodeOperands(md, ops);
  int k = 0;
  for (unsigned i = 0; i < n && k < max; i++) {
    LLVMMetadataRef s = LLVMValueAsMetadata(ops[i]);
    int idx = esc_ptrmap_get(&ts->keynode, s);
    if (idx < 0) {
      unsigned len;
      const char *str = LLVMGetMDString(ops[i], &len);
      key_info ki = {esc_arena_strndup(ts->a, str ? str : "", len),
                     esc_graph_node(ts->g)};
      ESC_VEC_PUSH(ts->keys, ki);
      idx = (int)ts->keys.len - 1;
      esc_ptrmap_put(&ts->keynode, s, idx);
    }
    out[k++] = ts->keys.data[idx].node;
  }
  free(ops);
  return k;
}

/* Is v's address used for anything but loading and storing at it? Then
 * other pointers may write it (through untyped memory). */
static int address_escapes(LLVMValueRef v, int depth) {
  if (depth > ESC_TS_ADDRESS_DEPTH)
    return 1;
  for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsALoadInst(user))
      continue;
    if (LLVMIsAStoreInst(user)) {
      if (LLVMGetOperand(user, 0) == v)
        return 1;
      continue;
    }
    if (LLVMIsAGetElementPtrInst(user) || LLVMIsABitCastInst(user) ||
        (LLVMIsAConstantExpr(user) &&
         (LLVMGetConstOpcode(user) == LLVMGetElementPtr ||
          LLVMGetConstOpcode(user) == LLVMBitCast))) {
      if (address_escapes(user, depth + 1))
        return 1;
      continue;
    }
    if (LLVMIsAIntrinsicInst(user)) {
      LLVMValueRef f = esc_called_function(user);
      const char *n = f ? esc_value_name(f) : "";
      if (!strncmp(n, "llvm.memcpy", 11) || !strncmp(n, "llvm.memmove", 12) ||
          !strncmp(n, "llvm.memset", 11) || !strncmp(n, "llvm.lifetime", 13))
        continue;
    }
    return 1;
  }
  return 0;
}

static int escapes_cached(esc_typeset *ts, LLVMValueRef base) {
  int t = esc_ptrmap_get(&ts->addr_escapes, base);
  if (t < 0) {
    t = address_escapes(base, 0);
    esc_ptrmap_put(&ts->addr_escapes, base, t);
  }
  return t;
}

/* Memory nodes an access to addr by inst touches. A struct field is its
 * key; a local or global is its own node (plus untyped memory for loads,
 * when its address goes elsewhere); anything else is untyped memory. */
static int mem_nodes(esc_typeset *ts, LLVMValueRef inst, LLVMValueRef addr,
                     int *out, int is_load) {
  int k = inst ? slot_nodes(ts, inst, out, ESC_TS_ACCESS_KEYS) : 0;
  int keyed = k > 0;
  LLVMValueRef base = esc_strip(addr);
  if (base && (LLVMIsAAllocaInst(base) || LLVMIsAGlobalVariable(base))) {
    out[k++] = node_for(&ts->mem, ts->g, base);
    if (is_load && !keyed && !ts->strict &&
        !(LLVMIsAGlobalVariable(base) &&
          esc_libc_data_global(esc_value_name(base))) &&
        escapes_cached(ts, base))
      out[k++] = ts->U;
  } else if (!k && !(is_load && ts->strict)) {
    out[k++] = ts->U;
    /* a load through an unknown pointer may read any local or global whose
     * address went elsewhere (a vtable reached through an object's vptr) */
    if (is_load)
      out[k++] = ts->GESC;
  }
  return k;
}

static int sig_nodes(esc_typeset *ts, LLVMTypeRef fty) {
  int n = esc_ptrmap_get(&ts->sig, fty);
  if (n >= 0)
    return n;
  unsigned np = LLVMCountParamTypes(fty);
  n = esc_graph_node(ts->g);
  for (unsigned i = 0; i < np; i++)
    esc_graph_node(ts->g);
  esc_ptrmap_put(&ts->sig, fty, n);
  return n; /* n = return, n+1+i = parameter i */
}

static void collect_taken(esc_typeset *ts) {
  for (LLVMValueRef fn = LLVMGetFirstFunction(ts->M); fn;
       fn = LLVMGetNextFunction(fn)) {
    if (LLVMGetIntrinsicID(fn) || !esc_function_address_taken(fn))
      continue;
    ESC_VEC_PUSH(ts->taken, fn);
    esc_ptrmap_put(&ts->is_taken, fn, 1);
  }
}

/* Every function mentioned anywhere in constant c. */
static void init_functions(esc_typeset *ts, LLVMValueRef c, int node,
                           int depth) {
  if (!c || depth > ESC_TS_INIT_DEPTH)
    return;
  LLVMValueRef fn = esc_function_of(c);
  if (fn) {
    copy(ts, vnode(ts, fn), node);
    return;
  }
  LLVMValueRef ifunc = esc_ifunc_of(c);
  if (ifunc) {
    copy(ts, ifunc_node(ts, ifunc), node);
    return;
  }
  if (LLVMIsAConstantDataSequential(c) || LLVMIsAConstantInt(c) ||
      LLVMIsAGlobalValue(c))
    return;
  int n = LLVMGetNumOperands(c);
  for (int i = 0; i < n; i++)
    init_functions(ts, LLVMGetOperand(c, (unsigned)i), node, depth + 1);
}

static void read_init_facts(esc_typeset *ts) {
  unsigned n = LLVMGetNamedMetadataNumOperands(ts->M, ESC_FACTS_INIT);
  if (!n)
    return;
  LLVMValueRef *ops = esc_xmalloc(sizeof(LLVMValueRef) * n);
  LLVMGetNamedMetadataOperands(ts->M, ESC_FACTS_INIT, ops);
  for (unsigned i = 0; i < n; i++) {
    if (LLVMGetMDNodeNumOperands(ops[i]) != 2)
      continue;
    LLVMValueRef pair[2];
    LLVMGetMDNodeOperands(ops[i], pair);
    LLVMValueRef fn = pair[1] ? esc_function_of(pair[1]) : NULL;
    if (!fn || !pair[0])
      continue;
    LLVMMetadataRef key = LLVMValueAsMetadata(pair[0]);
    int idx = esc_ptrmap_get(&ts->keynode, key);
    if (idx < 0) {
      unsigned len;
      const char *s = LLVMGetMDString(pair[0], &len);
      key_info ki = {esc_arena_strndup(ts->a, s ? s : "", len),
                     esc_graph_node(ts->g)};
      ESC_VEC_PUSH(ts->keys, ki);
      idx = (int)ts->keys.len - 1;
      esc_ptrmap_put(&ts->keynode, key, idx);
    }
    copy(ts, vnode(ts, fn), ts->keys.data[idx].node);
  }
  free(ops);
}

/* The source name of the struct a pointer argument designates (a local or
 * global of struct type), or NULL. */
static const char *struct_of_arg(LLVMValueRef arg, char *buf, size_t n) {
  LLVMTypeRef t = esc_object_struct_type(esc_strip(arg));
  if (!t || !LLVMGetStructName(t))
    return NULL;
  esc_struct_source_name(LLVMGetStructName(t), buf, n);
  return buf;
}

typedef ESC_VEC(LLVMValueRef) value_vec;

static void build_call(esc_typeset *ts, LLVMValueRef call,
                       value_vec *external_args, value_vec *struct_args) {
  unsigned n = LLVMGetNumArgOperands(call);
  LLVMValueRef cv = LLVMGetCalledValue(call);
  int res = vnode(ts, call);
  if (LLVMIsAInlineAsm(cv)) {
    unknown_into(ts, res);
    return;
  }
  LLVMValueRef fn = esc_called_function(call);
  if (!fn) {
    LLVMTypeRef fty = LLVMGetCalledFunctionType(call);
    int s = sig_nodes(ts, fty);
    unsigned np = LLVMCountParamTypes(fty);
    for (unsigned i = 0; i < n; i++)
      copy(ts, vnode(ts, LLVMGetOperand(call, i)), i < np ? s + 1 + (int)i : ts->U);
    copy(ts, s, res);
    return;
  }
  const char *name = esc_value_name(fn);
  if (LLVMGetIntrinsicID(fn)) {
    if (!strncmp(name, "llvm.memcpy", 11) || !strncmp(name, "llvm.memmove", 12)) {
      int d[ESC_TS_ACCESS_NODES], s[ESC_TS_ACCESS_NODES];
      int nd = mem_nodes(ts, NULL, LLVMGetOperand(call, 0), d, 0);
      int ns = mem_nodes(ts, NULL, LLVMGetOperand(call, 1), s, 1);
      for (int i = 0; i < ns; i++)
        for (int j = 0; j < nd; j++)
          copy(ts, s[i], d[j]);
    } else if (!strncmp(name, "llvm.load.relative", 18)) {
      /* a relative lookup table (LLVM's form of a constant table of
       * pointers): the result is one of the table's entries */
      LLVMValueRef table = esc_strip(LLVMGetOperand(call, 0));
      if (table && LLVMIsAGlobalVariable(table) &&
          LLVMIsGlobalConstant(table) && LLVMGetInitializer(table) &&
          !LLVMIsDeclaration(table))
        init_functions(ts, LLVMGetInitializer(table), res, 0);
      else
        unknown_into(ts, res);
    } else if (!strncmp(name, "llvm.type.checked.load", 22)) {
      unknown_into(ts, res);
    } else {
      /* value intrinsics (ptrmask, launder, expect...) pass values on */
      for (unsigned i = 0; i < n; i++)
        copy(ts, vnode(ts, LLVMGetOperand(call, i)), res);
    }
    return;
  }
  if (!LLVMIsDeclaration(fn)) {
    unsigned np = LLVMCountParams(fn);
    for (unsigned i = 0; i < n; i++)
      copy(ts, vnode(ts, LLVMGetOperand(call, i)),
           i < np ? vnode(ts, LLVMGetParam(fn, i)) : ts->U);
    copy(ts, node_for(&ts->ret, ts->g, fn), res);
    return;
  }
  const esc_umfn *um = esc_usermodel_of(ts->model, fn);
  if (um) {
    /* by its model (a body, above, is followed as it is): an argument it
     * only reads goes nowhere, a returned one reaches the result (and may
     * be written), the others, and a result it does not give, are an
     * unknown function's */
    int fresh = um->role == ESC_UM_ALLOC || um->role == ESC_UM_REALLOC ||
                um->role == ESC_UM_POOL_ALLOC;
    if (!fresh && !um->returns)
      unknown_into(ts, res);
    for (unsigned i = 0; i < n; i++) {
      LLVMValueRef a = LLVMGetOperand(call, i);
      esc_umarg e = esc_umfn_arg(um, i);
      if (e == ESC_UMA_NOTHING)
        continue;
      if (e == ESC_UMA_RETURNED)
        copy(ts, vnode(ts, a), res);
      ESC_VEC_PUSH(*external_args, a);
      char buf[160];
      if (struct_of_arg(a, buf, sizeof buf))
        ESC_VEC_PUSH(*struct_args, a);
    }
    return;
  }
  esc_allocfn af;
  const esc_libfn *lib = esc_libc_lookup(name);
  int quiet = esc_alloc_classify(fn, &af) || esc_is_free_fn(fn) ||
              (lib && (lib->flags & ESC_LIB_KNOWN));
  /* the C library returns object pointers (FILE *, char *, struct dirent
   * *), never function pointers; any other external function may (dlsym) */
  if (quiet)
    return;
  if (!(lib && (lib->flags & ESC_LIB_RET_DATA)))
    unknown_into(ts, res);
  for (unsigned i = 0; i < n; i++) {
    LLVMValueRef a = LLVMGetOperand(call, i);
    ESC_VEC_PUSH(*external_args, a);
    char buf[160];
    if (struct_of_arg(a, buf, sizeof buf))
      ESC_VEC_PUSH(*struct_args, a);
  }
}

static void build_function(esc_typeset *ts, LLVMValueRef fn, int entry,
                           value_vec *external_args, value_vec *struct_args) {
  if (entry)
    for (unsigned i = 0; i < LLVMCountParams(fn); i++)
      unknown_into(ts, vnode(ts, LLVMGetParam(fn, i)));
  int ret = node_for(&ts->ret, ts->g, fn);
  ESC_FOR_EACH_INST(fn, bb, I) {
    LLVMOpcode op = LLVMGetInstructionOpcode(I);
    int m[ESC_TS_ACCESS_NODES], k;
    switch (op) {
    case LLVMLoad:
      k = mem_nodes(ts, I, LLVMGetOperand(I, 0), m, 1);
      for (int i = 0; i < k; i++)
        copy(ts, m[i], vnode(ts, I));
      break;
    case LLVMStore: {
      int v = vnode(ts, LLVMGetOperand(I, 0));
      if (v < 0)
        break;
      k = mem_nodes(ts, I, LLVMGetOperand(I, 1), m, 0);
      for (int i = 0; i < k; i++)
        copy(ts, v, m[i]);
      break;
    }
    case LLVMAtomicRMW:
    case LLVMAtomicCmpXchg:
      k = mem_nodes(ts, I, LLVMGetOperand(I, 0), m, 1);
      for (int i = 0; i < k; i++) {
        for (unsigned o = 1; o < (unsigned)LLVMGetNumOperands(I); o++)
          copy(ts, vnode(ts, LLVMGetOperand(I, o)), m[i]);
        copy(ts, m[i], vnode(ts, I));
      }
      break;
    case LLVMCall:
    case LLVMInvoke:
    case LLVMCallBr:
      build_call(ts, I, external_args, struct_args);
      break;
    case LLVMRet:
      if (LLVMGetNumOperands(I))
        copy(ts, vnode(ts, LLVMGetOperand(I, 0)), ret);
      break;
    case LLVMIntToPtr: {
      /* a pointer carried as an integer (LLVM copies memory that way) is
       * the pointer that was stored. An integer the graph did not follow
       * (rebuilt from narrower pieces) can only be a code address if some
       * function's address was turned into an integer: it gets those
       * functions (see forge_rounds). A constant address is unknown. */
      LLVMValueRef x = LLVMGetOperand(I, 0);
      copy(ts, vnode(ts, x), vnode(ts, I));
      if (LLVMIsAConstant(x) && !esc_function_of(x))
        unknown_into(ts, vnode(ts, I));
      else if (esc_int_untracked(x, 0))
        ESC_VEC_PUSH(ts->forged, vnode(ts, I));
      break;
    }
    case LLVMPtrToInt:
      copy(ts, vnode(ts, LLVMGetOperand(I, 0)), vnode(ts, I));
      ESC_VEC_PUSH(ts->to_int, LLVMGetOperand(I, 0));
      break;
    case LLVMVAArg:
      copy(ts, ts->U, vnode(ts, I));
      break;
    case LLVMAlloca:
      if (escapes_cached(ts, I))
        copy(ts, node_for(&ts->mem, ts->g, I), ts->GESC);
      break;
    case LLVMICmp:
    case LLVMFCmp:
    case LLVMBr:
    case LLVMSwitch:
    case LLVMIndirectBr:
    case LLVMUnreachable:
    case LLVMFence:
    case LLVMResume:
    case LLVMLandingPad:
    case LLVMCatchPad:
    case LLVMCleanupPad:
    case LLVMCatchSwitch:
    case LLVMCatchRet:
    case LLVMCleanupRet:
      break;
    default: {
      int r = vnode(ts, I);
      if (r < 0)
        break;
      int nops = LLVMGetNumOperands(I);
      for (int i = 0; i < nops; i++) {
        LLVMValueRef o = LLVMGetOperand(I, (unsigned)i);
        if (o && !LLVMValueIsBasicBlock(o))
          copy(ts, vnode(ts, o), r);
      }
    }
    }
  }
}

static void collect_vtables(esc_typeset *ts) {
  unsigned type_kind = LLVMGetMDKindIDInContext(ts->ctx, "type", 4);
  for (LLVMValueRef g = LLVMGetFirstGlobal(ts->M); g; g = LLVMGetNextGlobal(g)) {
    size_t n = 0, len = 0;
    LLVMValueMetadataEntry *e = LLVMGlobalCopyAllMetadata(g, &n);
    int typed = 0;
    for (size_t i = 0; i < n; i++) {
      if (LLVMValueMetadataEntriesGetKind(e, (unsigned)i) != type_kind)
        continue;
      typed = 1;
      LLVMValueRef node = LLVMMetadataAsValue(
          ts->ctx, LLVMValueMetadataEntriesGetMetadata(e, (unsigned)i));
      if (LLVMGetMDNodeNumOperands(node) != 2)
        continue;
      LLVMValueRef ops[2];
      LLVMGetMDNodeOperands(node, ops);
      if (!ops[0] || !LLVMIsAConstantInt(ops[0]) || !ops[1])
        continue;
      vt_entry v = {LLVMValueAsMetadata(ops[1]), g,
                    LLVMConstIntGetSExtValue(ops[0])};
      ESC_VEC_PUSH(ts->vtables, v);
    }
    if (e)
      LLVMDisposeValueMetadataEntries(e);
    const char *name = LLVMGetValueName2(g, &len);
    if (!typed && len >= 4 && !strncmp(name, "_ZTV", 4) &&
        LLVMGetInitializer(g))
      ts->untyped_vtables = 1;
  }
}

static int type_has_pointer(LLVMTypeRef t, int depth) {
  switch (LLVMGetTypeKind(t)) {
  case LLVMPointerTypeKind:
    return 1;
  case LLVMArrayTypeKind:
  case LLVMVectorTypeKind:
    return depth < ESC_TS_TYPE_DEPTH && type_has_pointer(LLVMGetElementType(t), depth + 1);
  case LLVMStructTypeKind: {
    if (LLVMIsOpaqueStruct(t))
      return 1;
    unsigned n = LLVMCountStructElementTypes(t);
    for (unsigned i = 0; i < n && depth < ESC_TS_TYPE_DEPTH; i++)
      if (type_has_pointer(LLVMStructGetTypeAtIndex(t, i), depth + 1))
        return 1;
    return 0;
  }
  default:
    return 0;
  }
}

/* After solving: functions handed to external code may be called by it with
 * anything; struct memory handed to it may receive its function pointers. */
static int expose_to_external(esc_typeset *ts, value_vec *args,
                              value_vec *struct_args, esc_ptrmap *exposed) {
  int added = 0;
  for (size_t i = 0; i < args->len; i++) {
    int n = vnode(ts, args->data[i]);
    int m[ESC_TS_ACCESS_NODES], k = 0;
    if (n >= 0)
      m[k++] = n;
    LLVMValueRef base = esc_strip(args->data[i]);
    if (base && (LLVMIsAAllocaInst(base) || LLVMIsAGlobalVariable(base)))
      m[k++] = node_for(&ts->mem, ts->g, base);
    for (int j = 0; j < k; j++) {
      const esc_bits *b = esc_graph_pts(ts->g, m[j]);
      for (int o = esc_bits_next(b, 0); o >= 0;
           o = esc_bits_next(b, (uint32_t)o + 1)) {
        LLVMValueRef fn = o < (int)ts->obj_fn.len ? ts->obj_fn.data[o] : NULL;
        if (!fn || LLVMIsDeclaration(fn) || esc_ptrmap_get(exposed, fn) >= 0)
          continue;
        esc_ptrmap_put(exposed, fn, 1);
        for (unsigned p = 0; p < LLVMCountParams(fn); p++)
          unknown_into(ts, vnode(ts, LLVMGetParam(fn, p)));
        added = 1;
      }
    }
  }
  for (size_t i = 0; i < struct_args->len; i++) {
    char buf[160];
    const char *sname = struct_of_arg(struct_args->data[i], buf, sizeof buf);
    size_t sl = strlen(sname);
    LLVMValueRef base = esc_strip(struct_args->data[i]);
    LLVMTypeRef st = esc_object_struct_type(base);
    if (!st || !type_has_pointer(st, 0))
      continue; /* integers only: external code writes no code address */
    unknown_into(ts, node_for(&ts->mem, ts->g, base));
    for (size_t k = 0; k < ts->keys.len; k++) {
      const char *kn = ts->keys.data[k].name;
      if (strncmp(kn, sname, sl) || kn[sl] != '@')
        continue;
      unsigned path[ESC_IR_FIELD_PATH];
      LLVMTypeRef ft = NULL;
      if (esc_field_path(ts->td, st, atoll(kn + sl + 1), path,
                         ESC_IR_FIELD_PATH, &ft) < 0 ||
          type_has_pointer(ft, 0))
        unknown_into(ts, ts->keys.data[k].node);
    }
  }
  struct_args->len = 0; /* once is enough */
  return added;
}

/* Functions whose addresses were turned into integers may come back from
 * any integer the graph did not follow. Returns 1 when something new was
 * added (solve again). */
static int forge_rounds(esc_typeset *ts) {
  if (!ts->forged.len)
    return 0;
  int added = 0;
  for (size_t i = 0; i < ts->to_int.len; i++) {
    int n = vnode(ts, ts->to_int.data[i]);
    if (n < 0)
      continue;
    const esc_bits *b = esc_graph_pts(ts->g, n);
    for (int o = esc_bits_next(b, 0); o >= 0;
         o = esc_bits_next(b, (uint32_t)o + 1))
      for (size_t k = 0; k < ts->forged.len && o != UNKNOWN_OBJ; k++)
        if (!esc_graph_points_to(ts->g, ts->forged.data[k], o)) {
          esc_graph_base(ts->g, ts->forged.data[k], o, nowhy());
          added = 1;
        }
  }
  return added;
}

static esc_typeset *build(LLVMModuleRef M, esc_arena *a, int mode,
                          int explain, int closed, int strict,
                          const esc_usermodel *model) {
  esc_typeset *ts = esc_xcalloc(1, sizeof(*ts));
  ts->model = model;
  ts->strict = strict;
  ts->M = M;
  ts->ctx = LLVMGetModuleContext(M);
  ts->td = LLVMGetModuleDataLayout(M);
  ts->a = a;
  ts->mode = mode;
  ts->g = esc_graph_new();
  if (!explain)
    esc_graph_no_provenance(ts->g);
  esc_graph_object(ts->g); /* UNKNOWN_OBJ */
  ESC_VEC_PUSH(ts->obj_fn, NULL);
  ESC_VEC_PUSH(ts->obj_fn, NULL);
  ts->U = esc_graph_node(ts->g);
  ts->GESC = esc_graph_node(ts->g);
  ts->slot_kind = LLVMGetMDKindIDInContext(ts->ctx, ESC_SLOT_MD,
                                           (unsigned)strlen(ESC_SLOT_MD));
  collect_taken(ts);
  collect_vtables(ts);
  read_init_facts(ts);

  /* a program that loads code (dlopen) can be called back by it: every
   * function it exports is then an entry, as in a library */
  int has_main = !esc_libc_exports_entered(M, closed);
  value_vec ext_args = {0}, struct_args = {0};
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn;
       fn = LLVMGetNextFunction(fn)) {
    if (LLVMIsDeclaration(fn))
      continue;
    int external = LLVMGetLinkage(fn) != LLVMInternalLinkage &&
                   LLVMGetLinkage(fn) != LLVMPrivateLinkage;
    /* main's parameters are argc, argv and envp: data, by the C standard.
     * Without main (a library), every external function is an entry. */
    int entry = !has_main && external;
    build_function(ts, fn, entry, &ext_args, &struct_args);
  }
  for (LLVMValueRef g = LLVMGetFirstGlobal(M); g; g = LLVMGetNextGlobal(g)) {
    int m = node_for(&ts->mem, ts->g, g);
    LLVMValueRef init = LLVMGetInitializer(g);
    if (!init || LLVMIsDeclaration(g)) {
      if (!esc_libc_data_global(esc_value_name(g)))
        unknown_into(ts, m);
    }
    else
      init_functions(ts, init, m, 0);
    if (escapes_cached(ts, g))
      copy(ts, m, ts->GESC);
  }
  /* indirect calls reach every address-taken function of their signature */
  for (size_t i = 0; i < ts->taken.len; i++) {
    LLVMValueRef fn = ts->taken.data[i];
    LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
    int s = sig_nodes(ts, fty);
    if (LLVMIsDeclaration(fn))
      continue;
    for (unsigned p = 0; p < LLVMCountParams(fn); p++)
      copy(ts, s + 1 + (int)p, vnode(ts, LLVMGetParam(fn, p)));
    copy(ts, node_for(&ts->ret, ts->g, fn), s);
  }
  esc_ptrmap exposed;
  esc_ptrmap_init(&exposed);
  uint64_t budget = ESC_TS_BUDGET;
  for (int round = 0; round < ESC_TS_ROUNDS; round++) {
    if (esc_graph_solve(ts->g, budget) != ESC_SOLVE_OK) {
      ts->over_budget = 1;
      break;
    }
    int more = expose_to_external(ts, &ext_args, &struct_args, &exposed);
    more |= forge_rounds(ts);
    if (!more)
      break;
  }
  esc_ptrmap_free(&exposed);
  ESC_VEC_FREE(ext_args);
  ESC_VEC_FREE(struct_args);
  return ts;
}

/* The functions that every call of a fitting type considers: those written
 * to untyped memory (a void ** setter may put them in any field). They are
 * read from a second graph in which loads through unknown pointers return
 * nothing, so that data pointers copied through untyped memory do not drag
 * every function of every table along. What this leaves out is a function
 * read from a table through an untyped pointer and written to untyped
 * memory again (docs/design.md lists the assumption). */
esc_typeset *esc_typeset_build(LLVMModuleRef M, esc_arena *a,
                               const esc_typeset_opts *o) {
  if (o->mode == 0 && !o->typed) {
    /* the sound default: points-to, and vtables for C++ virtual calls */
    esc_typeset *ts = esc_xcalloc(1, sizeof(*ts));
    ts->M = M;
    ts->ctx = LLVMGetModuleContext(M);
    ts->td = LLVMGetModuleDataLayout(M);
    ts->a = a;
    collect_taken(ts);
    collect_vtables(ts);
    ts->open = !o->closed && esc_libc_loads_code(M);
    ts->pta = esc_pta_build(M, o->closed, o->budget, o->explain, o->wrappers,
                            o->nwrappers, o->model);
    return ts;
  }
  esc_typeset *ts = build(M, a, o->mode, o->explain, o->closed, 0, o->model);
  if (o->mode == 1)
    return ts;
  esc_typeset *strict = build(M, a, o->mode, 0, o->closed, 1, o->model);
  const esc_bits *b = esc_graph_pts(strict->g, strict->U);
  for (int ob = esc_bits_next(b, 0); ob >= 0;
       ob = esc_bits_next(b, (uint32_t)ob + 1)) {
    LLVMValueRef fn =
        ob < (int)strict->obj_fn.len ? strict->obj_fn.data[ob] : NULL;
    if (fn)
      ESC_VEC_PUSH(ts->sig_pool, fn);
  }
  esc_typeset_free(strict);
  return ts;
}

void esc_typeset_pta_stats(const esc_typeset *ts, struct esc_pta_stats *out) {
  memset(out, 0, sizeof(*out));
  if (ts->pta)
    *out = esc_pta_get_stats(ts->pta);
}

void esc_typeset_free(esc_typeset *ts) {
  if (!ts)
    return;
  esc_graph_free(ts->g);
  esc_pta_free(ts->pta);
  esc_ptrmap_free(&ts->fn_obj);
  esc_ptrmap_free(&ts->fn_node);
  esc_ptrmap_free(&ts->vnode);
  esc_ptrmap_free(&ts->mem);
  esc_ptrmap_free(&ts->ret);
  esc_ptrmap_free(&ts->keynode);
  esc_ptrmap_free(&ts->sig);
  esc_ptrmap_free(&ts->addr_escapes);
  esc_ptrmap_free(&ts->is_taken);
  esc_ptrmap_free(&ts->cache);
  ESC_VEC_FREE(ts->obj_fn);
  ESC_VEC_FREE(ts->keys);
  ESC_VEC_FREE(ts->taken);
  ESC_VEC_FREE(ts->vtables);
  ESC_VEC_FREE(ts->forged);
  ESC_VEC_FREE(ts->sig_pool);
  ESC_VEC_FREE(ts->to_int);
  ESC_VEC_FREE(ts->results);
  free(ts);
}

/* ---- resolution ---- */
/* Could a call of type call_ty reach fn? Arguments must line up (same
 * count, or fn variadic). exact: the same return type and the same
 * argument types (the signature baseline and the untyped pool); otherwise
 * the same kinds (pointer for pointer, integers of one width) and results
 * not compared, since C code casts them away ((void (*)(void *))fclose). */
int esc_call_fits(LLVMValueRef fn, LLVMTypeRef call_ty, int exact) {
  LLVMTypeRef ft = LLVMGlobalGetValueType(fn);
  if (ft == call_ty)
    return 1;
  if (exact && LLVMGetReturnType(ft) != LLVMGetReturnType(call_ty))
    return 0;
  unsigned a = LLVMCountParamTypes(ft), b = LLVMCountParamTypes(call_ty);
  if (a != b && !(LLVMIsFunctionVarArg(ft) && a < b))
    return 0;
  LLVMTypeRef *pa = esc_xmalloc(sizeof(LLVMTypeRef) * (a + b + 1));
  LLVMTypeRef *pb = pa + a;
  LLVMGetParamTypes(ft, pa);
  LLVMGetParamTypes(call_ty, pb);
  int ok = 1;
  for (unsigned i = 0; i < a && ok; i++) {
    if (pa[i] == pb[i])
      continue;
    LLVMTypeKind ka = LLVMGetTypeKind(pa[i]), kb = LLVMGetTypeKind(pb[i]);
    ok = !exact &&
         ((ka == LLVMPointerTypeKind && kb == LLVMPointerTypeKind) ||
          (ka == LLVMIntegerTypeKind && kb == LLVMIntegerTypeKind &&
           LLVMGetIntTypeWidth(pa[i]) == LLVMGetIntTypeWidth(pb[i])));
  }
  free(pa);
  return ok;
}

typedef ESC_VEC(LLVMValueRef) fnvec;

static void add_fn(fnvec *v, LLVMValueRef fn) {
  for (size_t i = 0; i < v->len; i++)
    if (v->data[i] == fn)
      return;
  ESC_VEC_PUSH(*v, fn);
}

static esc_targets *finish(esc_typeset *ts, fnvec *v, int unknown,
                           const char *why, esc_evidence ev) {
  esc_targets *t = esc_arena_alloc(ts->a, sizeof(*t));
  t->n = (int)v->len;
  t->fns = esc_arena_alloc(ts->a, sizeof(LLVMValueRef) * (v->len ? v->len : 1));
  if (v->len)
    memcpy(t->fns, v->data, sizeof(LLVMValueRef) * v->len);
  t->unknown = unknown;
  t->unknown_reason = why;
  t->evidence = ev;
  t->param = -1;
  ESC_VEC_FREE(*v);
  return t;
}

/* The vtable pointer and slot offset of a virtual call's callee, if the
 * callee is loaded from (vptr + constant). */
static LLVMValueRef vtable_slot(esc_typeset *ts, LLVMValueRef callee,
                                long long *off) {
  callee = esc_strip(callee);
  if (!callee || !LLVMIsALoadInst(callee))
    return NULL;
  LLVMValueRef p = LLVMGetOperand(callee, 0);
  *off = 0;
  for (int guard = 0; guard < ESC_TS_VTABLE_HOPS && p; guard++) {
    if (!LLVMIsAGetElementPtrInst(p))
      break;
    if (LLVMGetNumOperands(p) != 2 || !LLVMIsAConstantInt(LLVMGetOperand(p, 1)))
      return NULL;
    LLVMTypeRef t = LLVMGetGEPSourceElementType(p);
    *off += LLVMConstIntGetSExtValue(LLVMGetOperand(p, 1)) *
            (long long)LLVMABISizeOfType(ts->td, t);
    p = LLVMGetOperand(p, 0);
  }
  return p;
}

/* Is `assume` an llvm.assume that runs before `call` whenever call runs:
 * in its block, ahead of it? (The analysis has no dominator tree; a test
 * assumed elsewhere, on another branch, says nothing about this call.) */
static int assumed_before(LLVMValueRef assume, LLVMValueRef call) {
  if (!LLVMIsACallInst(assume) ||
      esc_intrinsic_of(esc_called_function(assume)) != ESC_INTR_ASSUME ||
      LLVMGetInstructionParent(assume) != LLVMGetInstructionParent(call))
    return 0;
  for (LLVMValueRef I = LLVMGetNextInstruction(assume); I;
       I = LLVMGetNextInstruction(I))
    if (I == call)
      return 1;
  return 0;
}

/* The type id that vptr is assumed to have at `call`: a type test of vptr
 * whose result is assumed true ahead of the call in its block. Optimised
 * code shares one vtable load among calls on several branches, each with
 * its own test, and merges calls behind a select of tests: a test that
 * does not hold on every path to this call is not its type. */
static LLVMMetadataRef type_test_of(LLVMValueRef vptr, LLVMValueRef call,
                                    int allow_public) {
  for (LLVMUseRef u = LLVMGetFirstUse(vptr); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!LLVMIsACallInst(user))
      continue;
    LLVMValueRef f = esc_called_function(user);
    const char *n = f ? esc_value_name(f) : "";
    if (strcmp(n, "llvm.type.test") &&
        (!allow_public || strcmp(n, "llvm.public.type.test")))
      continue;
    if (LLVMGetOperand(user, 0) != vptr)
      continue;
    for (LLVMUseRef a = LLVMGetFirstUse(user); a; a = LLVMGetNextUse(a))
      if (assumed_before(LLVMGetUser(a), call))
        return LLVMValueAsMetadata(LLVMGetOperand(user, 1));
  }
  return NULL;
}

static esc_targets *resolve_virtual(esc_typeset *ts, LLVMValueRef call) {
  long long off;
  LLVMValueRef vptr = vtable_slot(ts, LLVMGetCalledValue(call), &off);
  if (!vptr)
    return NULL;
  /* sound mode: a public type test may be met by a class outside the
   * bitcode (the C++ library's, a plugin's); and a program that loads
   * code may meet any class */
  if (ts->pta && ts->open)
    return NULL;
  /* a vtable without type metadata (a unit built without
   * -fwhole-program-vtables) may belong to any class: the hierarchy the
   * metadata describes is not the whole program's */
  if (ts->untyped_vtables)
    return NULL;
  LLVMMetadataRef id = type_test_of(vptr, call, !ts->pta);
  if (!id)
    return NULL;
  fnvec v = {0};
  int matched = 0, hole = 0;
  for (size_t i = 0; i < ts->vtables.len; i++) {
    vt_entry *e = &ts->vtables.data[i];
    if (e->typeid != id)
      continue;
    matched = 1;
    LLVMValueRef fn = esc_function_of(
        esc_const_at(ts->td, LLVMGetInitializer(e->global),
                     LLVMGlobalGetValueType(e->global), e->offset + off));
    if (!fn) {
      hole = 1;
      continue;
    }
    if (!strcmp(esc_value_name(fn), "__cxa_pure_virtual"))
      continue;
    add_fn(&v, fn);
  }
  if (!matched || hole) {
    ESC_VEC_FREE(v);
    return NULL; /* fall back to the flow-based answer */
  }
  return finish(ts, &v, 0, NULL, ESC_EV_TYPE_METADATA);
}

/* Which kind of evidence the callee value rests on. */
static esc_evidence evidence_of(esc_typeset *ts, LLVMValueRef v, int depth) {
  v = esc_strip(v);
  if (!v || depth > ESC_TS_EVIDENCE_DEPTH)
    return ESC_EV_SIGNATURE;
  if (LLVMIsAArgument(v))
    return ESC_EV_CONTEXT;
  if (!LLVMIsALoadInst(v))
    return ESC_EV_SIGNATURE;
  if (LLVMGetMetadata(v, ts->slot_kind))
    return ESC_EV_STRUCT_FIELD;
  LLVMValueRef base = esc_strip(LLVMGetOperand(v, 0));
  if (!base || !LLVMIsAAllocaInst(base))
    return ESC_EV_SIGNATURE;
  esc_evidence best = ESC_EV_SIGNATURE;
  int any = 0;
  for (LLVMUseRef u = LLVMGetFirstUse(base); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef st = LLVMGetUser(u);
    if (!LLVMIsAStoreInst(st) || LLVMGetOperand(st, 1) != base)
      continue;
    esc_evidence e = evidence_of(ts, LLVMGetOperand(st, 0), depth + 1);
    if (!any || e > best)
      best = e;
    any = 1;
  }
  return any ? best : ESC_EV_SIGNATURE;
}

/* What the callee value may hold, by the flow graph. */
static esc_targets *from_flow(esc_typeset *ts, int node, LLVMTypeRef fty,
                              esc_evidence ev) {
  fnvec v = {0};
  int unknown = 0;
  const char *why = NULL;
  if (ts->over_budget) {
    unknown = 1;
    why = "budget: function-pointer flow did not settle";
  } else if (node < 0) {
    unknown = 1;
    why = "callee is a constant that is not a function";
  } else {
    const esc_bits *b = esc_graph_pts(ts->g, node);
    for (int o = esc_bits_next(b, 0); o >= 0;
         o = esc_bits_next(b, (uint32_t)o + 1)) {
      if (o == UNKNOWN_OBJ) {
        unknown = 1;
        why = "function pointer may come from outside the program";
        continue;
      }
      LLVMValueRef fn = o < (int)ts->obj_fn.len ? ts->obj_fn.data[o] : NULL;
      /* a call cannot reach a function whose arguments do not line up
       * (undefined behaviour in C); this also drops functions that only
       * data pointers copied through untyped memory seemed to carry */
      if (fn && (!fty || esc_call_fits(fn, fty, 0)))
        add_fn(&v, fn);
    }
  }
  /* a function written to untyped memory (void **, generic code) may be
   * read through any field: every call considers those of its type */
  for (size_t i = 0; fty && i < ts->sig_pool.len; i++)
    if (esc_call_fits(ts->sig_pool.data[i], fty, 1))
      add_fn(&v, ts->sig_pool.data[i]);
  return finish(ts, &v, unknown, why, ev);
}

/* What the callee value may hold, by the points-to analysis. */
static esc_targets *from_pta(esc_typeset *ts, LLVMValueRef v, LLVMTypeRef fty,
                             esc_evidence ev) {
  LLVMValueRef *fns;
  int n;
  const char *why;
  int unknown = esc_pta_functions(ts->pta, v, &fns, &n, &why);
  fnvec out = {0};
  for (int i = 0; i < n; i++)
    if (!fty || esc_call_fits(fns[i], fty, 0))
      add_fn(&out, fns[i]);
  free(fns);
  return finish(ts, &out, unknown, why, ev);
}

static esc_targets *resolve_signature(esc_typeset *ts, LLVMValueRef call) {
  fnvec v = {0};
  LLVMTypeRef fty = LLVMGetCalledFunctionType(call);
  for (size_t i = 0; i < ts->taken.len; i++)
    if (esc_call_fits(ts->taken.data[i], fty, 1))
      add_fn(&v, ts->taken.data[i]);
  int n = vnode(ts, LLVMGetCalledValue(call));
  int unknown = ts->over_budget ||
                (n >= 0 && esc_graph_points_to(ts->g, n, UNKNOWN_OBJ));
  return finish(ts, &v, unknown,
                unknown ? "function pointer may come from outside the program"
                        : NULL,
                ESC_EV_SIGNATURE);
}

const esc_targets *esc_typeset_resolve(esc_typeset *ts, LLVMValueRef call) {
  int i = esc_ptrmap_get(&ts->cache, call);
  if (i >= 0)
    return ts->results.data[i];
  esc_targets *t = NULL;
  if (ts->mode == 1) {
    t = resolve_signature(ts, call);
  } else if (ts->pta) {
    t = resolve_virtual(ts, call);
    if (!t)
      t = from_pta(ts, LLVMGetCalledValue(call),
                   LLVMGetCalledFunctionType(call), ESC_EV_POINTS_TO);
  } else {
    t = resolve_virtual(ts, call);
    if (!t) {
      LLVMValueRef cv = LLVMGetCalledValue(call);
      t = from_flow(ts, vnode(ts, cv), LLVMGetCalledFunctionType(call),
                    evidence_of(ts, cv, 0));
    }
  }
  ESC_VEC_PUSH(ts->results, t);
  esc_ptrmap_put(&ts->cache, call, (int)ts->results.len - 1);
  return t;
}

esc_targets esc_typeset_value(esc_typeset *ts, LLVMValueRef v,
                              LLVMTypeRef fty) {
  if (ts->pta)
    return *from_pta(ts, v, fty, ESC_EV_CONTEXT);
  esc_targets *t = from_flow(ts, vnode(ts, v), fty, ESC_EV_CONTEXT);
  return *t;
}

/* A value's node back to its instruction, for explanations. */
static LLVMValueRef value_of_node(esc_typeset *ts, int node) {
  for (size_t i = 0; i < ts->vnode.cap; i++)
    if (ts->vnode.keys[i] && ts->vnode.vals[i] == node)
      return (LLVMValueRef)ts->vnode.keys[i];
  return NULL;
}

static const char *node_name(esc_typeset *ts, int node, esc_arena *a) {
  if (node == ts->U)
    return "untyped memory";
  for (size_t i = 0; i < ts->keys.len; i++)
    if (ts->keys.data[i].node == node)
      return esc_arena_printf(a, "field %s", ts->keys.data[i].name);
  for (size_t i = 0; i < ts->mem.cap; i++)
    if (ts->mem.keys[i] && ts->mem.vals[i] == node)
      return esc_arena_printf(a, "memory of %s",
                              esc_value_name((LLVMValueRef)ts->mem.keys[i]));
  LLVMValueRef v = value_of_node(ts, node);
  return v ? esc_value_text(a, v) : "a signature or return node";
}

const char *esc_typeset_explain(esc_typeset *ts, LLVMValueRef call,
                                esc_arena *a) {
  if (ts->pta)
    return esc_pta_explain(ts->pta, LLVMGetCalledValue(call), a);
  int node = vnode(ts, LLVMGetCalledValue(call));
  if (node < 0 || !esc_graph_points_to(ts->g, node, UNKNOWN_OBJ))
    node = ts->U;
  esc_str s = {0};
  int pred;
  esc_why w;
  for (int k = 0; k < ESC_TS_EXPLAIN_STEPS && esc_graph_prov(ts->g, node, UNKNOWN_OBJ, &pred, &w);
       k++) {
    esc_str_printf(&s, "%s%s", k ? " <- " : "", node_name(ts, node, a));
    if (pred < 0)
      break;
    node = pred;
  }
  const char *out = s.s ? esc_arena_strdup(a, s.s) : "(no provenance kept)";
  esc_str_free(&s);
  return out;
}
