#!/usr/bin/env python3
"""Runs depeche on Apache Spark: JSONL dumps in, one record per article out.

usage: spark-submit --files PATH/TO/depeche scripts/spark_extract.py \\
           --input DIR_OR_GLOB [--input ...] --output DIR \\
           [--partitions N] [--depeche-args "--date 2025-01-01 ..."] [--no-parquet]

Each input is a file, a directory (walked for *.jsonl, *.ndjson and their .gz) or a
glob, on any file system Spark reads (local, HDFS, S3...). Every partition of every
file is piped through `depeche extract -` on the executors, in input order. The
records are written as JSONL to OUTPUT/jsonl (Spark part files), then as Parquet to
OUTPUT/parquet with the columns of the record's JSON Schema (`depeche schema`).

The binary is shipped with `--files` (found with SparkFiles under its file name,
`--depeche NAME`, `depeche` by default); a local path given with `--depeche` is
shipped by the script itself; otherwise the name is looked up in each executor's PATH.

Records are those a single `depeche extract` run gives on the same files (`source` is
the path as given here), but for the ids of lines that carry none past a file's first
partition (`PATH#K:LINE`, K the partition of that file, LINE counted in it), and for
bytes that are not UTF-8, which Spark's text reader turns into U+FFFD.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import types as T

# File names a directory walk takes; named files and globs are taken as they are.
DUMP_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Run depeche extract on Spark: JSONL dumps in, records out."
    )
    parser.add_argument(
        "--input",
        action="append",
        required=True,
        help="a JSONL file, a directory of them or a glob (repeatable)",
    )
    parser.add_argument(
        "--output", required=True, help="directory for jsonl/ and parquet/"
    )
    parser.add_argument(
        "--partitions",
        type=int,
        help="partitions in all, spread over the files by size "
        "(default: Spark's default parallelism)",
    )
    parser.add_argument(
        "--depeche",
        default="depeche",
        help="the binary: its name as shipped with --files, or a local path "
        "(default: depeche)",
    )
    parser.add_argument(
        "--depeche-args",
        default="",
        help="more flags for depeche extract, as one shell-quoted string",
    )
    parser.add_argument(
        "--no-parquet", action="store_true", help="write the JSONL records only"
    )
    parser.add_argument(
        "--compress", action="store_true", help="gzip the JSONL part files"
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace OUTPUT if it exists"
    )
    args = parser.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        parser.error("--partitions must be at least 1")
    return args


def binary(name):
    """The depeche binary on this machine: shipped with the job, else on the PATH."""
    shipped = SparkFiles.get(os.path.basename(name))
    if os.path.isfile(shipped):
        if not os.access(shipped, os.X_OK):
            os.chmod(shipped, 0o755)
        return shipped
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(
            f"depeche binary {name!r} was neither shipped (--files) nor on the PATH"
        )
    return found


def pipe_partitions(name, source, flags):
    """The function that pipes one partition of the file `source` through depeche."""

    def run(part, lines):
        command = [
            binary(name),
            "extract",
            "--input-format",
            "jsonl",
            "--stdin-name",
            source,
            "--stdin-part",
            str(part),
            *flags,
            "-",
        ]
        process = subprocess.Popen(
            command,
            bufsize=1 << 20,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        failures = []
        stderr = []

        def feed():
            try:
                # Lines go in chunks of about 1 MB: one write each.
                chunk, size = [], 0
                for line in lines:
                    chunk.append(line)
                    size += len(line) + 1
                    if size >= 1 << 20:
                        chunk.append(b"")
                        process.stdin.write(b"\n".join(chunk))
                        chunk, size = [], 0
                if chunk:
                    chunk.append(b"")
                    process.stdin.write(b"\n".join(chunk))
            except BrokenPipeError:
                pass  # depeche ended early: its exit status says why
            except BaseException as e:  # the partition's input failed
                failures.append(e)
            finally:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass

        def drain():
            stderr.append(process.stderr.read())

        threads = [threading.Thread(target=f, daemon=True) for f in (feed, drain)]
        for thread in threads:
            thread.start()
        read_all = False
        try:
            for record in process.stdout:
                yield record.rstrip(b"\n")
            read_all = True
        finally:
            # A consumer that stops early (a cancelled task, `take`) ends depeche too.
            if not read_all:
                process.kill()
                process.wait()
        code = process.wait()
        for thread in threads:
            thread.join()
        if failures:
            raise failures[0]
        if code != 0:
            message = b"".join(stderr).decode("utf-8", "replace").strip()
            raise RuntimeError(
                f"depeche exited with status {code} on partition {part} of "
                f"{source}: {message}"
            )

    return run


def list_inputs(spark, inputs):
    """(URI, name in records, size) of every file of the inputs, sorted within each."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    files = []
    for arg in inputs:
        path = jvm.org.apache.hadoop.fs.Path(arg)
        fs = path.getFileSystem(conf)
        matches = fs.globStatus(path)
        if not matches:
            raise SystemExit(f"spark_extract: {arg}: no such file or directory")
        is_glob = any(c in arg for c in "*?[{")
        found = []
        for status in matches:
            if status.isDirectory():
                base = status.getPath().toString()
                walk = fs.listFiles(status.getPath(), True)
                while walk.hasNext():
                    entry = walk.next()
                    uri = entry.getPath().toString()
                    relative = uri[len(base) :].lstrip("/")
                    hidden = any(p.startswith((".", "_")) for p in relative.split("/"))
                    if hidden or not relative.endswith(DUMP_SUFFIXES):
                        continue
                    # As depeche names the files of a directory it walks.
                    prefix = display(arg, base) if is_glob else arg
                    name = prefix.rstrip("/") + "/" + relative
                    found.append((uri, name, entry.getLen()))
            else:
                uri = status.getPath().toString()
                name = display(arg, uri) if is_glob else arg
                found.append((uri, name, status.getLen()))
        files.extend(sorted(found, key=lambda f: f[1]))
    return files


def display(arg, uri):
    """A matched path as a user wrote it: relative when the input was a local path."""
    if "://" in arg or arg.startswith("file:"):
        return uri
    local = uri[len("file:") :] if uri.startswith("file:") else uri
    return local if os.path.isabs(arg) else os.path.relpath(local)


def json_schema_to_spark(schema):
    """The Spark type of depeche's record JSON Schema (draft 2020-12)."""
    definitions = schema.get("$defs", {})

    def convert(node):
        if "$ref" in node:
            return convert(definitions[node["$ref"].split("/")[-1]])
        for key in ("anyOf", "oneOf"):
            if key in node:
                options = [o for o in node[key] if o.get("type") != "null"]
                kinds = {convert(o).simpleString() for o in options}
                if len(kinds) != 1:
                    raise ValueError(f"no single Spark type for {node}")
                return convert(options[0])
        kind = node.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            if len(kinds) != 1:
                raise ValueError(f"no single Spark type for {node}")
            kind = kinds[0]
        if kind == "object":
            properties = node.get("properties", {})
            # The required fields first, in their order, as records give them.
            order = [k for k in node.get("required", []) if k in properties]
            order += [k for k in properties if k not in order]
            return T.StructType(
                [T.StructField(k, convert(properties[k]), True) for k in order]
            )
        if kind == "array":
            return T.ArrayType(convert(node["items"]), True)
        simple = {
            "string": T.StringType(),
            "integer": T.LongType(),
            "number": T.DoubleType(),
            "boolean": T.BooleanType(),
        }
        if kind in simple:
            return simple[kind]
        raise ValueError(f"no Spark type for {node}")

    return convert(schema)


def record_schema(name):
    """The Spark schema of records, from `depeche schema` on the driver."""
    output = subprocess.run(
        [binary(name), "schema"], check=True, capture_output=True
    ).stdout
    return json_schema_to_spark(json.loads(output))


def main(argv):
    args = parse_args(argv)
    spark = SparkSession.builder.appName("depeche").getOrCreate()
    sc = spark.sparkContext
    name = args.depeche
    if os.path.isfile(name):
        sc.addFile(os.path.abspath(name))
    flags = shlex.split(args.depeche_args)
    if not any(f == "-j" or f.startswith(("-j", "--jobs")) for f in flags):
        # One depeche thread per core a task holds.
        flags = ["-j", sc.getConf().get("spark.task.cpus", "1")] + flags

    files = list_inputs(spark, args.input)
    total = sum(size for _, _, size in files) or 1
    partitions = args.partitions or sc.defaultParallelism
    parts = []
    for uri, source, size in files:
        # Partitions are shared out by size; Hadoop may still cut a file more finely.
        wanted = max(1, round(partitions * size / total))
        lines = sc.textFile(uri, minPartitions=wanted, use_unicode=False)
        parts.append(lines.mapPartitionsWithIndex(pipe_partitions(name, source, flags)))
    records = sc.union(parts) if parts else sc.emptyRDD()

    output = sc._jvm.org.apache.hadoop.fs.Path(args.output)
    fs = output.getFileSystem(sc._jsc.hadoopConfiguration())
    if fs.exists(output):
        if not args.overwrite:
            raise SystemExit(
                f"spark_extract: {args.output} exists (--overwrite replaces it)"
            )
        fs.delete(output, True)
    jsonl = args.output.rstrip("/") + "/jsonl"
    codec = "org.apache.hadoop.io.compress.GzipCodec" if args.compress else None
    records.saveAsTextFile(jsonl, compressionCodecClass=codec)
    if not args.no_parquet:
        # Read back from the JSONL just written: depeche runs once per partition.
        table = (
            spark.read.schema(record_schema(name))
            .option("mode", "FAILFAST")
            .json(jsonl)
        )
        table.write.parquet(args.output.rstrip("/") + "/parquet")
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
