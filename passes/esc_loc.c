/* esc_loc.c: locations and variable names from debug info (see esc_loc.h). */
#include "esc_loc.h"
#include "esc_limits.h"

#include "esc_sites.h"

#include <llvm-c/DebugInfo.h>
#include <llvm-c/Error.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <llvm-c/Target.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void esc_path_join(const char *dir, const char *file, esc_str *out) {
  if (file[0] != '/' && dir && dir[0])
    esc_str_printf(out, "%s/%s", dir, file);
  else
    esc_str_printf(out, "%s", file);
}

int esc_inst_index(LLVMValueRef inst) {
  LLVMBasicBlockRef bb = LLVMGetInstructionParent(inst);
  if (!bb)
    return -1;
  LLVMValueRef fn = LLVMGetBasicBlockParent(bb);
  int i = 0;
  for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b;
       b = LLVMGetNextBasicBlock(b))
    for (LLVMValueRef x = LLVMGetFirstInstruction(b); x;
         x = LLVMGetNextInstruction(x), i++)
      if (x == inst)
        return i;
  return -1;
}

esc_loc esc_loc_of(esc_arena *a, LLVMValueRef inst) {
  esc_loc l = {NULL, NULL, 0, 0, NULL, -1};
  LLVMBasicBlockRef bb = LLVMGetInstructionParent(inst);
  if (bb)
    l.func = esc_value_name(LLVMGetBasicBlockParent(bb));
  if (LLVMInstructionGetDebugLoc(inst)) {
    unsigned len = 0, dlen = 0;
    const char *f = LLVMGetDebugLocFilename(inst, &len);
    if (f && len)
      l.file = esc_arena_strndup(a, f, len);
    const char *d = LLVMGetDebugLocDirectory(inst, &dlen);
    if (d && dlen)
      l.dir = esc_arena_strndup(a, d, dlen);
    l.line = LLVMGetDebugLocLine(inst);
    l.col = LLVMGetDebugLocColumn(inst);
  }
  if (!l.file)
    l.index = esc_inst_index(inst);
  return l;
}

int esc_loc_inlined(LLVMValueRef inst) {
  LLVMMetadataRef dl = LLVMInstructionGetDebugLoc(inst);
  return dl && LLVMDILocationGetInlinedAt(dl) != NULL;
}

void esc_loc_format(const esc_loc *l, char *buf, size_t n) {
  if (l->file)
    snprintf(buf, n, "%s:%u:%u", l->file, l->line, l->col);
  else
    snprintf(buf, n, "%s#%d", l->func ? l->func : "?", l->index);
}

void esc_names_prepare_module(LLVMModuleRef M) {
  if (LLVMIsNewDbgInfoFormat(M))
    LLVMSetIsNewDbgInfoFormat(M, 0);
}

/* 1 when inst calls the function named name directly. */
static int calls(LLVMValueRef inst, const char *name) {
  LLVMValueRef f = LLVMIsACallInst(inst) ? esc_called_function(inst) : NULL;
  size_t n;
  return f && !strcmp(LLVMGetValueName2(f, &n), name);
}

/* Why: a flow-insensitive graph mixes every value a -O0 spill slot holds
 * (p = "lit"; keep(p); p = malloc(8) would make keep see the block). The
 * new pass manager skips optnone functions, so it is cleared first;
 * mem2reg gives the dbg.values it writes line 0, so each gets back its
 * variable's declaration location (variable metadata is uniqued: the
 * MetadataAsValue operand identifies the variable). */
void esc_promote_slots(LLVMModuleRef M) {
  esc_ptrmap decl; /* variable (MetadataAsValue) -> index in locs */
  esc_ptrmap_init(&decl);
  ESC_VEC(LLVMMetadataRef) locs = {0};
  unsigned optnone = LLVMGetEnumAttributeKindForName("optnone", 7);
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn;
       fn = LLVMGetNextFunction(fn)) {
    if (LLVMIsDeclaration(fn))
      continue;
    if (LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, optnone))
      LLVMRemoveEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, optnone);
    ESC_FOR_EACH_INST(fn, b, i) {
      LLVMMetadataRef at = LLVMInstructionGetDebugLoc(i);
      if (!at || !calls(i, "llvm.dbg.declare") ||
          LLVMGetNumOperands(i) < 2)
        continue;
      ESC_VEC_PUSH(locs, at);
      esc_ptrmap_put(&decl, LLVMGetOperand(i, 1), (int)locs.len - 1);
    }
  }
  LLVMPassBuilderOptionsRef pbo = LLVMCreatePassBuilderOptions();
  LLVMErrorRef err = LLVMRunPasses(M, "function(mem2reg)", NULL, pbo);
  if (err)
    LLVMConsumeError(err); /* slots stay: less precise, as sound */
  LLVMDisposePassBuilderOptions(pbo);
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn && locs.len;
       fn = LLVMGetNextFunction(fn))
    ESC_FOR_EACH_INST(fn, b, i) {
      if (!calls(i, "llvm.dbg.value") ||
          LLVMGetNumOperands(i) < 2)
        continue;
      LLVMMetadataRef at = LLVMInstructionGetDebugLoc(i);
      int k = esc_ptrmap_get(&decl, LLVMGetOperand(i, 1));
      if (k >= 0 && (!at || !LLVMDILocationGetLine(at)))
        LLVMInstructionSetDebugLoc(i, locs.data[k]);
    }
  ESC_VEC_FREE(locs);
  esc_ptrmap_free(&decl);
}

/* The value a dbg intrinsic's first operand wraps, or NULL (DIArgList,
 * empty metadata). */
static LLVMValueRef dbg_operand_value(LLVMValueRef md_val) {
  if (!LLVMIsAValueAsMetadata(md_val))
    return NULL;
  LLVMMetadataRef md = LLVMValueAsMetadata(md_val);
  LLVMMetadataKind k = LLVMGetMetadataKind(md);
  if (k != LLVMLocalAsMetadataMetadataKind &&
      k != LLVMConstantAsMetadataMetadataKind)
    return NULL;
  LLVMValueRef v = NULL;
  if (LLVMGetMDNodeNumOperands(md_val) != 1)
    return NULL;
  LLVMGetMDNodeOperands(md_val, &v);
  return v;
}

/* Name (operand 1) of a DILocalVariable wrapped as a value. */
static const char *divar_name(esc_arena *a, LLVMValueRef var_val) {
  if (!LLVMIsAMDNode(var_val))
    return NULL;
  LLVMMetadataRef md = LLVMValueAsMetadata(var_val);
  if (LLVMGetMetadataKind(md) != LLVMDILocalVariableMetadataKind)
    return NULL;
  unsigned n = LLVMGetMDNodeNumOperands(var_val);
  if (n < 2)
    return NULL;
  LLVMValueRef ops[ESC_LOC_MAX_DI_OPS];
  if (n > ESC_LOC_MAX_DI_OPS)
    return NULL;
  LLVMGetMDNodeOperands(var_val, ops);
  unsigned len = 0;
  const char *s = ops[1] ? LLVMGetMDString(ops[1], &len) : NULL;
  return s ? esc_arena_strndup(a, s, len) : NULL;
}

static int is_empty_expr(LLVMValueRef expr_val) {
  if (!LLVMIsAMDNode(expr_val))
    return 0;
  LLVMMetadataRef md = LLVMValueAsMetadata(expr_val);
  if (LLVMGetMetadataKind(md) != LLVMDIExpressionMetadataKind)
    return 0;
  return LLVMGetMDNodeNumOperands(expr_val) == 0;
}

static void add_var(esc_names *n, LLVMValueRef v, esc_var var) {
  if (esc_ptrmap_get(&n->of_value, v) >= 0)
    return; /* the first declaration wins */
  ESC_VEC_PUSH(n->vars, var);
  esc_ptrmap_put(&n->of_value, v, (int)n->vars.len - 1);
}

void esc_names_build(esc_names *n, esc_arena *a, LLVMModuleRef M) {
  memset(n, 0, sizeof(*n));
  esc_ptrmap_init(&n->of_value);
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn;
       fn = LLVMGetNextFunction(fn)) {
    if (LLVMIsDeclaration(fn))
      continue;
    if (LLVMGetSubprogram(fn))
      n->has_debug_info = 1;
    ESC_FOR_EACH_INST(fn, b, i) {
      if (!LLVMIsACallInst(i))
        continue;
      LLVMValueRef callee = esc_called_function(i);
      if (!callee)
        continue;
      const char *cn = esc_value_name(callee);
      int declare = !strcmp(cn, "llvm.dbg.declare");
      int value = !strcmp(cn, "llvm.dbg.value");
      int assign = !strcmp(cn, "llvm.dbg.assign"); /* assignment tracking */
      if (!declare && !value && !assign)
        continue;
      if (LLVMGetNumArgOperands(i) < 3)
        continue;
      LLVMValueRef v = NULL;
      if (assign && LLVMGetNumArgOperands(i) >= 5)
        v = dbg_operand_value(LLVMGetOperand(i, 4)); /* the address */
      else if (value && !is_empty_expr(LLVMGetOperand(i, 2)))
        continue; /* fragments and computed values do not name v */
      else
        v = dbg_operand_value(LLVMGetOperand(i, 0));
      if (!v || LLVMIsAConstant(v))
        continue;
      const char *name = divar_name(a, LLVMGetOperand(i, 1));
      if (!name)
        continue;
      esc_var var = {name, esc_loc_of(a, i), 0};
      if (!var.decl.file || !var.decl.line) {
        /* optimised code often gives the intrinsic no line: use the
         * variable's own declaration line */
        LLVMMetadataRef dv = LLVMValueAsMetadata(LLVMGetOperand(i, 1));
        LLVMMetadataRef file = LLVMDIVariableGetFile(dv);
        unsigned flen = 0;
        const char *fname = file ? LLVMDIFileGetFilename(file, &flen) : NULL;
        if (fname && flen) {
          unsigned dlen = 0;
          const char *dname = LLVMDIFileGetDirectory(file, &dlen);
          var.decl.file = esc_arena_strndup(a, fname, flen);
          var.decl.dir = dname && dlen ? esc_arena_strndup(a, dname, dlen)
                                       : NULL;
          var.decl.line = LLVMDIVariableGetLine(dv);
          var.decl.col = 0;
        }
      }
      add_var(n, v, var);
    }
  }
}

void esc_names_free(esc_names *n) {
  esc_ptrmap_free(&n->of_value);
  ESC_VEC_FREE(n->vars);
}

const esc_var *esc_names_of(const esc_names *n, LLVMValueRef v) {
  int i = esc_ptrmap_get(&n->of_value, v);
  return i >= 0 ? &n->vars.data[i] : NULL;
}

const esc_var *esc_param_var(const esc_names *n, LLVMValueRef fn,
                             unsigned idx) {
  LLVMValueRef p = LLVMGetParam(fn, idx);
  const esc_var *v = esc_names_of(n, p);
  if (v)
    return v;
  /* at -O0 the parameter is spilled to a named alloca */
  for (LLVMUseRef u = LLVMGetFirstUse(p); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 0) == p) {
      v = esc_names_of(n, LLVMGetOperand(user, 1));
      if (v)
        return v;
    }
  }
  return NULL;
}

const char *esc_param_name(const esc_names *n, esc_arena *a, LLVMValueRef fn,
                           unsigned idx) {
  const esc_var *v = esc_param_var(n, fn, idx);
  if (v)
    return v->name;
  LLVMValueRef p = LLVMGetParam(fn, idx);
  const char *s = esc_value_name(p);
  if (*s)
    return s;
  return esc_arena_printf(a, "p%u", idx);
}

const char *esc_loc_text(esc_arena *a, LLVMValueRef inst) {
  if (!inst)
    return "?";
  esc_loc l = esc_loc_of(a, inst);
  char buf[512];
  esc_loc_format(&l, buf, sizeof buf);
  return esc_arena_strdup(a, buf);
}

const char *esc_value_text(esc_arena *a, LLVMValueRef v) {
  if (LLVMIsAArgument(v))
    return esc_arena_printf(a, "a parameter of %s",
                            esc_value_name(LLVMGetParamParent(v)));
  if (!LLVMIsAInstruction(v))
    return "a value";
  const char *at = esc_loc_text(a, v);
  if (esc_is_call(v)) {
    LLVMValueRef f = esc_called_function(v);
    return esc_arena_printf(a, "result of %s at %s",
                            f ? esc_value_name(f) : "an indirect call", at);
  }
  const char *what = LLVMIsALoadInst(v)       ? "load"
                     : LLVMIsAIntToPtrInst(v) ? "inttoptr"
                                              : "value";
  return esc_arena_printf(a, "%s at %s", what, at);
}
