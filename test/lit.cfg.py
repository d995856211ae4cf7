# lit configuration for nmc. Suites follow the compiler's stages: Frontend,
# Sema, MLIRGen, Dialect, Transforms, Conversion, Pipeline, Codegen, Driver,
# Runtime, E2E, Differential; fuzz holds the program generator and its CI
# batch.
import os

import lit.formats

config.name = "nmc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".npy", ".mlir", ".c", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "differential.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.nmc_obj_root, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.nmc_tools_dir, os.path.dirname(config.filecheck),
     config.environment.get("PATH", os.environ.get("PATH", ""))])
# Open MPI needs HOME and refuses root without an explicit flag; a machine
# with fewer cores than ranks needs --oversubscribe. Both go into %mpirun.
for var in ("HOME", "TMPDIR", "OMPI_MCA_plm", "OMPI_MCA_btl", "ASAN_OPTIONS",
            "UBSAN_OPTIONS", "LSAN_OPTIONS"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
mpirun = [config.mpirun, "--oversubscribe"]
if os.geteuid() == 0:
    mpirun.append("--allow-run-as-root")
# Shared-memory transport only: tests never leave the machine.
mpirun += ["--mca", "btl", "self,vader"]

nmrt_include = os.path.join(config.nmc_src_root, "runtime", "include")
nmrt_lib = os.path.join(config.nmc_lib_dir, "libnmrt.a")

config.substitutions.append(("%nmc", os.path.join(config.nmc_tools_dir, "nmc")))
config.substitutions.append(("%nm-opt", os.path.join(config.nmc_tools_dir, "nm-opt")))
config.substitutions.append(("%mpirun", " ".join(mpirun)))
config.substitutions.append(("%python", config.python))
# A sanitized runtime (-DNMC_SANITIZE=ON) needs the sanitizers linked in.
config.substitutions.append(("%cc", " ".join(
    [config.mpicc] + [f for f in config.sanitizer_flags.split(";") if f])))
config.substitutions.append(("%nmrt_include", nmrt_include))
config.substitutions.append(("%nmrt_lib", nmrt_lib))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%build_root", config.nmc_obj_root))
# Same program under python3 + Numba + mpi4py and as an nmc executable:
# `%differential FILE 1 2 3 4` fails unless the outputs agree at each count.
config.substitutions.append(("%differential", " ".join([
    config.python, os.path.join(config.test_source_root, "differential.py"),
    "--nmc", os.path.join(config.nmc_tools_dir, "nmc"),
    "--mpirun", "'" + " ".join(mpirun) + "'", "--python", config.python])))
# Generated programs, the same comparison: `%fuzz-driver --seeds A-B ...`.
config.substitutions.append(("%fuzz-driver", " ".join([
    config.python, os.path.join(config.test_source_root, "fuzz", "driver.py"),
    "--nmc", os.path.join(config.nmc_tools_dir, "nmc"),
    "--mpirun", "'" + " ".join(mpirun) + "'", "--python", config.python])))
