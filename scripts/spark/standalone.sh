# A Spark standalone cluster on the loopback address, from the PySpark distribution of $PYTHON:
# a master and workers of one core each, started with spark-class as on a real cluster. Sourced
# by the Spark check and the Spark bench, which call stop_standalone on exit.
# Needs PYTHON (the Python that has pyspark). Sets SPARK_SUBMIT, and SPARK_MASTER once started.
PYTHON=$(cd "$(dirname "$PYTHON")" && pwd)/$(basename "$PYTHON")  # executors run in folders of their own
SPARK_HOME=$("$PYTHON" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export SPARK_HOME PYSPARK_PYTHON=$PYTHON PYSPARK_DRIVER_PYTHON=$PYTHON SPARK_LOCAL_IP=127.0.0.1
SPARK_SUBMIT=$SPARK_HOME/bin/spark-submit
SPARK_MASTER=
STANDALONE_PIDS=()

free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_standalone FOLDER WORKERS: the master and WORKERS workers (1 core, 1 GiB each), logs in
# FOLDER; returns once every worker is registered, non-zero when that does not happen in 90 s.
start_standalone() {
  local folder=$1 workers=$2 port ui i
  mkdir -p "$folder"
  port=$(free_port); ui=$(free_port)
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui" \
    >"$folder/master.log" 2>&1 &
  STANDALONE_PIDS+=($!)
  for ((i = 1; i <= workers; i++)); do
    "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g \
      --webui-port "$(free_port)" --work-dir "$folder/worker-$i" "spark://127.0.0.1:$port" >"$folder/worker-$i.log" 2>&1 &
    STANDALONE_PIDS+=($!)
  done
  # the master's status page says how many workers are alive
  if ! "$PYTHON" - "$ui" "$workers" <<'PY'
import json, sys, time, urllib.request
ui, want = sys.argv[1], int(sys.argv[2])
for _ in range(180):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%s/json/" % ui, timeout=2) as r:
            if json.load(r).get("aliveworkers", 0) >= want:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.5)
sys.exit(1)
PY
  then
    tail -n 20 "$folder"/*.log >&2 || true
    return 1
  fi
  SPARK_MASTER=spark://127.0.0.1:$port
}

# Stops what start_standalone started, by process id.
stop_standalone() {
  local pid
  for pid in "${STANDALONE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STANDALONE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  STANDALONE_PIDS=()
}
