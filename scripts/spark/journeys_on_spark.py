#!/usr/bin/env python3
"""journeys on Apache Spark: the weekly report of logs too large for one machine.

The job keeps the report exactly the one `journeys report` writes from the same lines: Spark
only moves lines, the `journeys` binary does all the reading, keying, sessionizing and scoring.

  1. Each input file (any path Spark reads: local, HDFS, S3) becomes line records
     '<file index> TAB <line number> TAB <base64 of the line> TAB <path>'; line -N carries a copy
     of line N, the file's first non-empty line (a CSV export's header), which every step needs
     to read its format.
     A file is read whole by one task (see records_of): rotate logs into files a task can hold.
  2. `journeys pairs` collects the identity pairs (device with customer, device with order)
     and the span of the timestamps of every partition; the driver gathers them (small) and
     hands them to every executor.
  3. `journeys key` puts each record in its person's shard; Spark shuffles the records into N
     partitions by that shard.
  4. Each partition is piped through `journeys partial --stdin` (with the outlier bound of order
     values that `journeys order-bound` printed on the driver), which sessionizes its people
     and folds them into partial aggregates (counts, sums, path and Markov path counts, order
     values, survey answers, data-quality counts and samples, history facts); the driver
     collects the N partial files.
  5. `journeys merge` renders, validates and publishes the report from the partials, on the driver.

Run it with spark-submit (see the README, "Many machines: partials, merge and Spark").
"""
import argparse
import base64
import gzip
import io
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import zlib


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--journeys", required=True,
                    help="the journeys binary: a path every executor can run, or a file name shipped with --files")
    ap.add_argument("--pipeline", required=True, help="the pipeline config (YAML); shipped with --files on a cluster")
    ap.add_argument("--period", required=True, help="the period, e.g. 2026-W47")
    ap.add_argument("--shards", type=int, default=0, help="partitions after the shuffle (default: Spark's default parallelism)")
    ap.add_argument("--output", required=True, help="the report folder on the driver (as journeys report --output)")
    ap.add_argument("--history", help="the history file on the driver (as journeys report --history)")
    ap.add_argument("--partials", help="keep the partial files in this folder on the driver")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("inputs", nargs="+", help="log files, folders or globs, in the order journeys report would take them")
    return ap.parse_args(argv)


def local_file(name):
    """A file of the job on an executor: the path itself when it exists, else the copy --files shipped."""
    if os.path.exists(name):
        return os.path.abspath(name)
    from pyspark import SparkFiles
    return SparkFiles.get(os.path.basename(name))


def runnable(name):
    path = local_file(name)
    if not os.access(path, os.X_OK):
        copy = os.path.join(tempfile.mkdtemp(prefix="journeys-bin-"), os.path.basename(path))
        shutil.copy(path, copy)
        os.chmod(copy, os.stat(copy).st_mode | stat.S_IXUSR)
        path = copy
    return path


def run_through(command, lines, env):
    """Pipes `lines` (str) through `command`; yields its output lines. Fails on a non-zero exit."""
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    errors = []

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line.encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    def drain():
        errors.append(proc.stderr.read())

    writer = threading.Thread(target=feed)
    reader = threading.Thread(target=drain)
    writer.start()
    reader.start()
    for out in proc.stdout:
        yield out.decode("utf-8").rstrip("\n")
    writer.join()
    reader.join()
    if proc.wait() != 0:
        raise RuntimeError("%s failed (exit %d): %s" % (" ".join(command), proc.returncode, b"".join(errors).decode("utf-8", "replace").strip()))


def list_inputs(sc, patterns):
    """The input files in journeys report's order: each pattern's matches sorted, a folder's
    files (not dot-files, not subfolders) sorted by name, each file once."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    files = []
    for pattern in patterns:
        path = jvm.org.apache.hadoop.fs.Path(pattern)
        fs = path.getFileSystem(conf)
        matches = []
        if any(c in pattern for c in "*?["):
            for status in fs.globStatus(path) or []:
                if status.isFile():
                    matches.append(status.getPath().toString())
            matches.sort()
        elif fs.exists(path) and fs.getFileStatus(path).isDirectory():
            entries = [s for s in fs.listStatus(path) if s.isFile() and not s.getPath().getName().startswith(".")]
            entries.sort(key=lambda s: s.getPath().getName())
            matches = [s.getPath().toString() for s in entries]
        elif fs.exists(path):
            matches = [fs.getFileStatus(path).getPath().toString()]
        if not matches:
            raise SystemExit("journeys_on_spark: error: %s: no such file, or it matches no file" % pattern)
        for m in matches:
            if m not in files:
                files.append(m)
    return files


def records_of(sc, index, path):
    """The line records of one file: every line, and before the first non-empty one its copy.

    Spark's own text reading decodes lines as UTF-8 and replaces what is not, and splits at
    carriage returns too; the report counts and samples such lines as they are. So each file
    is read as bytes by one task (gzip decompressed as a stream) and split at newlines only, as
    journeys splits it."""

    def lines(item):
        _, data = item
        stream = io.BytesIO(data)
        if data[:2] == b"\x1f\x8b":
            stream = gzip.GzipFile(fileobj=stream)
        first = True
        number = 0
        try:
            for line in stream:
                if line.endswith(b"\n"):
                    line = line[:-1]
                number += 1
                if first and line:
                    yield "%d\t%d\t%s\t%s" % (index, -number, base64.b64encode(line).decode("ascii"), path)
                    first = False
                yield "%d\t%d\t%s\t%s" % (index, number, base64.b64encode(line).decode("ascii"), path)
        except (EOFError, OSError, zlib.error) as e:
            # Line records cannot say that a file ended early; `journeys report` and
            # `journeys partial --input` read such a file and report its damage.
            raise RuntimeError("%s: gzip data is damaged or ends early after line %d (%s); "
                               "report it with journeys report or journeys partial --input" % (path, number, e))
        if first:
            yield "%d\t0\t\t%s" % (index, path)

    return sc.binaryFiles(path, minPartitions=1).flatMap(lines)


def main(argv):
    args = parse_args(argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("journeys %s" % args.period).getOrCreate()
    sc = spark.sparkContext
    shards = args.shards or sc.defaultParallelism
    env = dict(os.environ)
    binary, pipeline = args.journeys, args.pipeline

    # the outlier bound of order values, from the history on the driver: every shard reads with it
    driver_binary = os.path.abspath(binary) if os.path.exists(binary) else binary
    order_bound = subprocess.run([driver_binary, "order-bound", "--pipeline", pipeline, "--period", args.period] +
                                 (["--history", args.history] if args.history else []),
                                 check=True, stdout=subprocess.PIPE, text=True).stdout.strip()

    files = list_inputs(sc, args.inputs)
    # one partition per file, which starts with the copy of the file's first line
    records = sc.union([records_of(sc, i, f) for i, f in enumerate(files)])

    # 1. identity pairs, gathered on the driver
    def pairs_of(lines):
        yield from run_through([runnable(binary), "pairs", "--pipeline", local_file(pipeline)], lines, env)

    pairs = sorted(set(records.mapPartitions(pairs_of).collect()))
    work = tempfile.mkdtemp(prefix="journeys-spark-")
    pairs_path = os.path.join(work, "pairs.txt")
    with open(pairs_path, "w") as f:
        f.writelines(p + "\n" for p in pairs)
    sc.addFile(pairs_path)

    # 2. every record keyed by its person's shard, then shuffled into its shard's partition
    def keyed(lines):
        command = [runnable(binary), "key", "--pipeline", local_file(pipeline), "--pairs", local_file("pairs.txt"),
                   "--shards", str(shards)]
        for line in run_through(command, lines, env):
            shard, _, rest = line.partition("\t")
            yield int(shard), line

    by_shard = records.mapPartitions(keyed).partitionBy(shards, lambda shard: shard)

    # 3. each shard's partial, made where its lines are
    def partial(index, pairs_in_partition):
        command = [runnable(binary), "partial", "--pipeline", local_file(pipeline), "--period", args.period,
                   "--shard", "%d/%d" % (index + 1, shards), "--stdin", "--pairs", local_file("pairs.txt"), "--order-bound", order_bound, "--output", "-"]
        text = "\n".join(run_through(command, (line for _, line in pairs_in_partition), env))
        yield index, text

    partials = sorted(by_shard.mapPartitionsWithIndex(partial).collect())
    keep = args.partials or work
    os.makedirs(keep, exist_ok=True)
    paths = []
    for index, text in partials:
        path = os.path.join(keep, "partial-%d-of-%d.json" % (index + 1, shards))
        with open(path, "w") as f:
            f.write(text)
        paths.append(path)
    spark.stop()

    # 4. the report, on the driver
    command = [os.path.abspath(binary) if os.path.exists(binary) else binary, "merge", "--pipeline", pipeline,
               "--output", args.output] + (["--history", args.history] if args.history else []) + \
              (["--quiet"] if args.quiet else []) + paths
    code = subprocess.call(command)
    if not args.partials:
        shutil.rmtree(work, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
