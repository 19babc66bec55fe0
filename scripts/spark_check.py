"""The README's Spark recipes, run by scripts/engine-check.sh in local[2] mode.

    python spark_check.py KOTOBA CORPUS_JSONL PATH_LIST OUT

Writes three sets of partials under OUT, each for `kotoba merge` to turn into reports:
  reduced/   RDD.pipe over 4 partitions of JSON Lines, then reduceByKey (values of equal keys
             added column by column), as the reduce step's combiner
  piped/     RDD.pipe over 4 partitions, the partials saved as they are
  listed/    RDD.pipe of file paths (kotoba count --files-from -), 4 partitions
"""
import sys

from pyspark import SparkConf, SparkContext


def add(a, b):
    """kotoba's reduce: the values of equal keys, added column by column."""
    return " ".join(str(int(x) + int(y)) for x, y in zip(a.split(" "), b.split(" ")))


def main():
    kotoba, corpus, paths, out = sys.argv[1:5]
    conf = SparkConf().setMaster("local[2]").setAppName("kotoba-engine-check").set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    count = f"{kotoba} count --lines --partial - - --no-cache -q"
    docs = sc.textFile(corpus, 4).repartition(4)
    partials = docs.pipe(count, checkCode=True).cache()
    (partials.map(lambda line: tuple(line.split("\t", 1)))
        .reduceByKey(add)
        .map(lambda kv: kv[0] + "\t" + kv[1])
        .saveAsTextFile(out + "/reduced"))
    partials.saveAsTextFile(out + "/piped")
    names = sc.textFile(paths, 4).repartition(4)
    names.pipe(f"{kotoba} count --files-from - --root corpus --partial - --no-cache -q", checkCode=True).saveAsTextFile(out + "/listed")
    sc.stop()


if __name__ == "__main__":
    main()
