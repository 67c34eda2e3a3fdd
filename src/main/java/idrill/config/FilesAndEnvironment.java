package idrill.config;

import java.util.List;

/**
 * The files idrill reads and writes and the environment variables it heeds: the one table the man page's FILES and
 * ENVIRONMENT sections are rendered from and README's tables are checked against. Meanings may hold Markdown code
 * spans (`x`); the man page drops the backticks.
 */
public final class FilesAndEnvironment {
  private FilesAndEnvironment() {}

  /** A file or variable and what it is, in one line. */
  public record Entry(String name, String meaning) {}

  public static final List<Entry> FILES = List.of(
      new Entry("${XDG_CONFIG_HOME:-~/.config}/idrill/config.yaml",
          "The config file, optional: `banks` (files or directories, relative to this file; default the bundled bank), "
              + "`desired_retention`, `day_start_hour`, `new_per_day`, `fsrs_weights`, `leech_lapses` and `machine`."),
      new Entry("${XDG_DATA_HOME:-~/.local/share}/idrill/",
          "The data directory, unless `IDRILL_DATA_DIR` or `--data-dir DIR` names another: the review logs and typed "
              + "answers, nothing else; machines may share it through a file-sync tool."),
      new Entry("reviews-MACHINE.tsv",
          "In the data directory: the score log, the only state idrill keeps. One tab-separated line per grade or "
              + "set-aside event, appended and fsynced, never rewritten; MACHINE is the config's `machine`, else the "
              + "host name. Every other `reviews-*.tsv` and an old `reviews.tsv` there are read with it as one log."),
      new Entry("answers-MACHINE.tsv",
          "In the data directory: the answers typed in `drill --type` and `mock --type`, appended and fsynced before "
              + "the reveal, never rewritten; every `answers-*.tsv` and an old `answers.tsv` there are read as one."),
      new Entry("${XDG_CACHE_HOME:-~/.cache}/idrill/banks/",
          "Parsed copies of banks that loaded cleanly, keyed by path, size and modification time, so a large bank "
              + "costs no YAML parsing at every start. Safe to delete."),
      new Entry("${XDG_CACHE_HOME:-~/.cache}/idrill/terminfo/TERM",
          "What `infocmp -x TERM` printed, so the drill does not run infocmp at every start; used while the terminfo "
              + "file it came from is not newer. Safe to delete."),
      new Entry("${TMPDIR:-/tmp}/idrill-add-*.yaml",
          "Drafts of `idrill add`: removed once added, kept when they have a problem."));

  public static final List<Entry> ENVIRONMENT = List.of(
      new Entry("HOME", "The `~` of the default paths, and of `~/` in `--data-dir`, `IDRILL_DATA_DIR` and the config's `banks`."),
      new Entry("XDG_CONFIG_HOME", "The config file is `$XDG_CONFIG_HOME/idrill/config.yaml` (default `~/.config`)."),
      new Entry("XDG_DATA_HOME", "The data directory is `$XDG_DATA_HOME/idrill/` (default `~/.local/share`)."),
      new Entry("XDG_CACHE_HOME", "The caches are in `$XDG_CACHE_HOME/idrill/` (default `~/.cache`)."),
      new Entry("IDRILL_DATA_DIR", "The data directory, instead of the XDG one; `--data-dir` overrides it."),
      new Entry("IDRILL_JAVA",
          "The installed launcher runs this Java instead of the one idrill was installed with (without its "
              + "start-up archive)."),
      new Entry("NO_COLOR", "When set and not empty, `--color auto` prints no colour."),
      new Entry("COLUMNS", "The width of text output, also when piped; else the terminal's width, else 80."),
      new Entry("TERM",
          "`dumb` means no colour; unset or `dumb`, the drill and the mock interview run in their line mode, and so "
              + "does the drill on a terminal without a terminfo entry here."),
      new Entry("VISUAL, EDITOR",
          "The editor of `edit`, `add` and the drill's `e`: `VISUAL`, else `EDITOR`, else vi; split into words like a "
              + "shell's, never run through one; started as `EDITOR +LINE FILE`."),
      new Entry("TMPDIR", "Where `add` writes its draft (default `/tmp`)."));
}
