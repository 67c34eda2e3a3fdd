# Shared by the benchmarks (sourced): a scratch directory, the launcher under test, medians and ratios.
#   IDRILL=path/to/idrill   measure that launcher; otherwise this tree is installed into a temporary PREFIX
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${IDRILL:-}" ]; then
  PREFIX="$work/prefix" "$here/install.sh" >/dev/null 2>"$work/install.err" || { cat "$work/install.err"; exit 1; }
  IDRILL="$work/prefix/bin/idrill"
fi
# the Java the launcher runs, so baselines start the same JVM
java="$(sed -n 's/^java="\${IDRILL_JAVA:-\(.*\)}"$/\1/p' "$IDRILL")"
java="${java:-java}"
# nothing of the user's: config, cache and review log live in the scratch directory
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" IDRILL_DATA_DIR="$work/data"

# hello_class BODY: compiles a Hello whose main runs BODY into $work/hello
hello_class() {
  mkdir -p "$work/hello"
  printf 'public class Hello { public static void main(String[] a) throws Exception { %s } }\n' "$1" \
    > "$work/hello/Hello.java"
  "$(dirname "$java")/javac" -d "$work/hello" "$work/hello/Hello.java" 2>/dev/null \
    || javac -d "$work/hello" "$work/hello/Hello.java"
}
elapsed_ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }'; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
