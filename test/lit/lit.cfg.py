# lit configuration: each case is a small C/C++ program (or IR) whose RUN
# lines compile it at -O0 and -O2 and check escapade's report with FileCheck.
import os
import lit.formats

config.name = "escapade"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".cpp", ".ll", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.escapade_obj_root, "test", "lit")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "/usr/bin:/bin")])

# %escapade_rt first: %escapade is a prefix of it
config.substitutions.append(("%escapade_rt", config.escapade_rt))
config.substitutions.append(("%escapade", config.escapade_bin))
config.substitutions.append(("%plugin", config.escapade_plugin))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%opt", config.opt))
config.substitutions.append(("%llvm-link", config.llvm_link))
config.substitutions.append(("%llvm-stress", config.llvm_stress))
config.substitutions.append(("%src", config.escapade_src_root))
if config.llvm_stress:
    config.available_features.add("llvm-stress")
# The LTO link through lld (clang -fuse-ld=lld looks for ld.lld beside it).
if os.path.exists(os.path.join(config.llvm_tools_dir, "ld.lld")):
    config.available_features.add("lld")
# Programs that need AVX-512 to run (the vectorizer's scatter stores).
try:
    with open("/proc/cpuinfo") as f:
        if " avx512f" in f.read():
            config.available_features.add("avx512f")
except OSError:
    pass
# The editor integration's test (docs/editors.md) runs where Neovim is.
import shutil
if shutil.which("nvim"):
    config.available_features.add("nvim")
