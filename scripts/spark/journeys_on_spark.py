#!/usr/bin/env python3
"""journeys on Apache Spark: the weekly report of logs too large for one machine.

The job keeps the report exactly the one `journeys report` writes from the same lines: Spark
only moves bytes, the `journeys` binary does all the reading, keying, sessionizing and scoring,
and no Python code looks at a line.

  1. Map: each input file becomes slices; a plain file on a path every executor can open is cut
     into slices of --split-bytes at line boundaries, a gzip file or a file only Spark can read
     (HDFS, S3) is one slice. `journeys map` reads each slice once, parses, filters, counts and
     samples every line as `journeys report` does, and writes compact binary records: the
     parsed events of the read window (device first, strings as numbers in the slice's string
     table), the table, the slice's line accounting with its data-quality samples, and the scan
     of its timestamps; no line travels. It also collects the slice's identity pairs (device
     with customer, device with order), the span of its timestamps and the number of its lines.
     The records stay in Spark's cache.
  2. The driver gathers the pairs (small) and hands them to every executor, with each slice's
     first line number in its file.
  3. `journeys key` puts each slice's events in their person's shard (it reads only their
     devices) and gives every shard the slice's strings; Spark shuffles them into N partitions
     by shard.
  4. Each partition is piped through `journeys partial --stdin`, which takes the slices' events
     in slice order (no line is parsed again), sessionizes its people and folds them into
     partial aggregates (counts, sums, path and Markov path counts, order values, survey
     answers, data-quality counts and samples, history facts); the driver collects the N
     partial files.
  5. `journeys merge` renders, validates and publishes the report from the partials, on the driver.

Run it with spark-submit (see the README, "Many machines: partials, merge and Spark").
"""
import argparse
import os
import shutil
import stat
import struct
import subprocess
import sys
import tempfile
import time

RECORD_HEADER = 25  # a binary record's fixed part: kind, file, line, device, length
FRAME_HEADER = 12   # a shard's frame from journeys key: shard, length


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--journeys", required=True,
                    help="the journeys binary: a path every executor can run, or a file name shipped with --files")
    ap.add_argument("--pipeline", required=True, help="the pipeline config (YAML); shipped with --files on a cluster")
    ap.add_argument("--period", required=True, help="the period, e.g. 2026-W47")
    ap.add_argument("--shards", type=int, default=0, help="partitions after the shuffle (default: Spark's default parallelism)")
    ap.add_argument("--split-bytes", type=int, default=64 << 20,
                    help="cut plain files on local paths into slices of about this many bytes (default 64 MiB)")
    ap.add_argument("--output", required=True, help="the report folder on the driver (as journeys report --output)")
    ap.add_argument("--history", help="the history file on the driver (as journeys report --history)")
    ap.add_argument("--partials", help="keep the partial files in this folder on the driver")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--timings", action="store_true",
                    help="print each step's seconds on standard error: start-up, map, keying with the shuffle and the partials, merge")
    ap.add_argument("inputs", nargs="+", help="log files, folders or globs, in the order journeys report would take them")
    return ap.parse_args(argv)


def local_file(name):
    """A file of the job: the path itself when it exists here, else the copy --files shipped."""
    if os.path.exists(name):
        return os.path.abspath(name)
    from pyspark import SparkFiles
    return SparkFiles.get(os.path.basename(name))


_runnable = {}


def runnable(name):
    """The binary as a program this process can run (a shipped copy may have lost its x bit);
    copied at most once per Python worker."""
    if name not in _runnable:
        path = local_file(name)
        if not os.access(path, os.X_OK):
            copy = os.path.join(tempfile.mkdtemp(prefix="journeys-bin-"), os.path.basename(path))
            shutil.copy(path, copy)
            os.chmod(copy, os.stat(copy).st_mode | stat.S_IXUSR)
            path = copy
        _runnable[name] = path
    return _runnable[name]


def run(command, data, env):
    """Runs `command` with `data` (bytes) on its standard input; its standard output. Fails on a
    non-zero exit with the command's own error."""
    proc = subprocess.run(command, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if proc.returncode != 0:
        raise RuntimeError("%s failed (exit %d): %s" % (" ".join(command), proc.returncode,
                                                        proc.stderr.decode("utf-8", "replace").strip()))
    return proc.stdout


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


def local_path(uri):
    """The path of a file every executor can open as a local file (file: URIs), else None."""
    if uri.startswith("file:"):
        path = uri[len("file:"):]
        while path.startswith("//"):
            path = path[1:]
        return path
    return None if "://" in uri else uri


def slices_of(files, split_bytes):
    """The map side's tasks: (slice, file index, path, local path or None, byte range or None),
    a file's slices in byte order."""
    slices = []
    for i, path in enumerate(files):
        local = local_path(path)
        if local is not None and os.path.isfile(local):
            size = os.path.getsize(local)
            with open(local, "rb") as f:
                gzip = f.read(2) == b"\x1f\x8b"
            if not gzip and size > split_bytes:
                for start in range(0, size, split_bytes):
                    slices.append((len(slices), i, path, local, (start, start + split_bytes)))
                continue
            slices.append((len(slices), i, path, local, None))
        else:
            slices.append((len(slices), i, path, None, None))
    return slices


class Steps:
    """Each step's wall-clock seconds since the one before, printed on standard error with --timings."""

    def __init__(self, on):
        self.on, self.last = on, time.monotonic()

    def done(self, name):
        now = time.monotonic()
        if self.on:
            print("journeys_on_spark: %-40s %6.2f s" % (name, now - self.last), file=sys.stderr)
        self.last = now


def main(argv):
    args = parse_args(argv)
    steps = Steps(args.timings)
    from pyspark import SparkConf, SparkContext, StorageLevel

    # a bare SparkContext: the job uses no SQL, so no session's catalogue to start; no web UI
    # unless spark-submit asks for one
    conf = SparkConf().setAppName("journeys %s" % args.period).setIfMissing("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    steps.done("Spark context started")
    shards = args.shards or sc.defaultParallelism
    env = dict(os.environ)
    binary, pipeline, period = args.journeys, args.pipeline, args.period
    if args.split_bytes < 1 << 20:
        raise SystemExit("journeys_on_spark: error: --split-bytes: expected at least 1 MiB (1048576), found %d" % args.split_bytes)

    # the outlier bound of order values, from the history on the driver: every shard reads with it
    # (the binary and the config as the driver has them: the paths given, or the --files copies)
    order_bound = subprocess.run([runnable(binary), "order-bound", "--pipeline", local_file(pipeline), "--period", args.period] +
                                 (["--history", args.history] if args.history else []),
                                 check=True, stdout=subprocess.PIPE, text=True).stdout.strip()

    steps.done("outlier bound of order values")
    files = list_inputs(sc, args.inputs)
    slices = slices_of(files, args.split_bytes)

    # 1. map: each slice read once into compact records, with its pairs and its number of lines
    def mapped(task, data=None):
        index, file_index, path, local, byte_range = task
        work = tempfile.mkdtemp(prefix="journeys-map-")
        try:
            read = local
            if read is None:
                read = os.path.join(work, "input")
                with open(read, "wb") as f:
                    f.write(data)
            command = [runnable(binary), "map", "--pipeline", local_file(pipeline), "--period", period,
                       "--file", str(file_index), "--path", path, "--read", read, "--order-bound", order_bound,
                       "--pairs-output", os.path.join(work, "pairs.txt")]
            if byte_range:
                command += ["--range", "%d:%d" % byte_range]
            records = run(command, b"", env)
            with open(os.path.join(work, "pairs.txt")) as f:
                pairs = f.read()
        finally:
            shutil.rmtree(work, ignore_errors=True)
        # the last record is the slice's end: its line field holds the number of lines read
        lines = struct.unpack_from("<q", records, len(records) - RECORD_HEADER + 5)[0]
        return index, file_index, lines, pairs, records

    local_slices = [s for s in slices if s[3] is not None]
    parts = []
    if local_slices:
        parts.append(sc.parallelize(local_slices, len(local_slices)).map(mapped))
    for task in (s for s in slices if s[3] is None):
        # a file only Spark can read: whole, to one task
        parts.append(sc.binaryFiles(task[2], minPartitions=1).map(lambda item, task=task: mapped(task, item[1])))
    records = (sc.union(parts) if len(parts) > 1 else parts[0]).persist(StorageLevel.MEMORY_AND_DISK)

    # 2. the pairs, and each slice's first line number in its file, gathered on the driver
    summary = sorted(records.map(lambda r: (r[0], r[1], r[2], r[3])).collect())
    steps.done("map: %d slices read once" % len(slices))
    pairs = sorted(set(line for _, _, _, text in summary for line in text.splitlines() if line))
    offsets, seen = {}, {}
    for index, file_index, lines, _ in summary:
        offsets[index] = seen.get(file_index, 0)
        seen[file_index] = offsets[index] + lines
    work = tempfile.mkdtemp(prefix="journeys-spark-")
    pairs_path = os.path.join(work, "pairs.txt")
    with open(pairs_path, "w") as f:
        f.writelines(p + "\n" for p in pairs)
    sc.addFile(pairs_path)

    # 3. every slice's records put in their shards, then shuffled into their shard's partition
    def keyed(record):
        index, _, _, _, data = record
        command = [runnable(binary), "key", "--pairs", local_file("pairs.txt"), "--shards", str(shards),
                   "--line-offset", str(offsets[index])]
        out = run(command, data, env)
        at = 0
        while at < len(out):
            shard, length = struct.unpack_from("<IQ", out, at)
            at += FRAME_HEADER
            yield shard, (index, out[at:at + length])
            at += length

    by_shard = records.flatMap(keyed).partitionBy(shards, lambda shard: shard)

    # 4. each shard's partial, made where its records are
    def partial(index, items):
        chunks = sorted(chunk for _, chunk in items)
        command = [runnable(binary), "partial", "--pipeline", local_file(pipeline), "--period", period,
                   "--shard", "%d/%d" % (index + 1, shards), "--stdin", "--pairs", local_file("pairs.txt"),
                   "--order-bound", order_bound, "--output", "-"]
        yield index, run(command, b"".join(data for _, data in chunks), env)

    partials = sorted(by_shard.mapPartitionsWithIndex(partial).collect())
    steps.done("keying, shuffle, %d partials" % shards)
    keep = args.partials or work
    os.makedirs(keep, exist_ok=True)
    paths = []
    for index, data in partials:
        path = os.path.join(keep, "partial-%d-of-%d.partial" % (index + 1, shards))
        with open(path, "wb") as f:
            f.write(data)
        paths.append(path)
    # the binary as the driver has it (a --files copy goes with the session); the config where it
    # is, since its templates are found from its folder
    driver_binary = os.path.join(work, "journeys")
    shutil.copy(runnable(binary), driver_binary)
    driver_pipeline = local_file(pipeline)
    if not os.path.exists(pipeline):
        driver_pipeline = os.path.join(work, os.path.basename(pipeline))
        shutil.copy(local_file(pipeline), driver_pipeline)
    records.unpersist()
    sc.stop()
    steps.done("Spark context stopped")

    # 5. the report, on the driver
    command = [driver_binary, "merge", "--pipeline", driver_pipeline, "--output", args.output] + \
              (["--history", args.history] if args.history else []) + (["--quiet"] if args.quiet else []) + paths
    code = subprocess.call(command)
    steps.done("merge: the report rendered and published")
    if not args.partials:
        shutil.rmtree(work, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
