package idrill.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads question banks (untrusted YAML) into a Bank, collecting every problem of every file in one pass. */
public final class BankLoader {
  /** Names the bundled bank, the classpath resource {@value #RESOURCE}. */
  public static final String DEFAULT = "default";
  public static final String RESOURCE = "/idrill/questions.yaml";
  public static final int MAX_QUESTIONS = 10_000;
  public static final int MAX_ID = 64;

  private static final List<String> TOP_KEYS = List.of("questions");
  private static final List<String> FIELDS = List.of("id", "question", "answer", "tags", "difficulty", "refs", "keywords");
  private static final List<String> REF_KEYS = List.of("title", "url");

  /** What only parsing needs, built on the first cache miss: a prompt command loading a cached bank never does. */
  private static final class Parsing {
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final Pattern URL = Pattern.compile("(?i)https?://[^\\s/?#@]+[^\\s]*");
    static final Comparator<BankProblem> ORDER = Comparator
        .comparing((BankProblem p) -> p.position().file())
        .thenComparingInt(p -> p.position().line())
        .thenComparingInt(p -> p.position().col());
  }

  private final BankCache cache;
  private final boolean nearDuplicates;

  /** The validating loader: parses every file and looks for near-duplicate questions across all of them. */
  public BankLoader() {
    this(null, true);
  }

  private BankLoader(BankCache cache, boolean nearDuplicates) {
    this.cache = cache;
    this.nearDuplicates = nearDuplicates;
  }

  /**
   * The everyday loader: files that loaded cleanly before come from a parsed copy under cacheDir, and the
   * near-duplicate search (warnings only, quadratic) is left to {@code validate}.
   */
  public static BankLoader cached(Path cacheDir) {
    return new BankLoader(new BankCache(cacheDir), false);
  }

  /**
   * Loads every spec: {@link #DEFAULT}, a file, or a directory (its *.yaml and *.yml files by name, not
   * recursive); relative paths resolve against {@code base}. Returns all valid questions and all problems,
   * sorted by file, line and column. A missing or unreadable path throws UncheckedIOException
   * "<path>: No such file or directory".
   */
  public LoadResult load(List<String> specs, Path base) {
    List<Source> sources = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    // every path is checked before any is parsed: a typo fails fast
    for (String spec : specs) resolve(spec, base, sources, seen);
    Run run = new Run();
    for (Source s : sources) {
      // a file's bytes are read either way: its cache entry is keyed by their checksums, never by size and mtime
      byte[] bytes = s.path() == null ? null : SourceFile.read(s.path(), s.name(), YamlTree.MAX_BYTES);
      String key = cache == null ? null : bytes == null ? cache.bundledKey() : cache.key(s.path(), bytes);
      List<Question> hit = cache == null ? null : cache.read(key, s.name());
      if (hit != null) {
        run.addCached(hit);
        continue;
      }
      if (bytes == null) bytes = readBundled();
      int problemsBefore = run.problems.size();
      int questionsBefore = run.questions.size();
      YamlTree tree = new YamlTree(s.name(), run.problems); // only on a miss: it loads SnakeYAML
      String text = tree.text(bytes);
      if (text != null) run.read(tree, text);
      if (cache != null && run.problems.size() == problemsBefore) {
        cache.write(key, run.questions.subList(questionsBefore, run.questions.size()));
      }
    }
    return run.finish(nearDuplicates);
  }

  /** The files {@link #load} reads for specs (the bundled bank is none): what a command must not write over. */
  public static List<Path> files(List<String> specs, Path base) {
    List<Source> sources = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (String spec : specs) resolve(spec, base, sources, seen);
    List<Path> files = new ArrayList<>();
    for (Source s : sources) if (s.path() != null) files.add(s.path());
    return files;
  }

  /** Loads one bank given as text (stdin, tests); {@code name} stands for the file in positions. */
  public LoadResult loadText(String name, String yamlText) {
    Run run = new Run();
    run.read(new YamlTree(name, run.problems), yamlText);
    return run.finish(nearDuplicates);
  }

  private record Source(String name, Path path) {}

  private static void resolve(String spec, Path base, List<Source> out, Set<Object> seen) {
    if (DEFAULT.equals(spec)) {
      if (seen.add(DEFAULT)) out.add(new Source(DEFAULT, null));
      return;
    }
    Path given = Path.of(spec);
    Path path = base.resolve(given);
    if (Files.isDirectory(path)) {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> dir = Files.newDirectoryStream(path)) {
        for (Path f : dir) {
          String n = f.getFileName().toString();
          // dot files are editor backups and lock files, not banks
          // a FIFO or device among them is kept, so reading it fails with its name instead of being passed over
          if (!n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml")) && !Files.isDirectory(f)) files.add(f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(spec + ": " + reason(e), e);
      }
      files.sort(Comparator.comparing(f -> f.getFileName().toString()));
      for (Path f : files) {
        if (seen.add(f.toAbsolutePath().normalize())) out.add(new Source(given.resolve(f.getFileName()).toString(), f));
      }
    } else if (Files.exists(path)) {
      if (seen.add(path.toAbsolutePath().normalize())) out.add(new Source(spec, path));
    } else {
      throw new UncheckedIOException(spec + ": No such file or directory", new NoSuchFileException(spec));
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) return "Permission denied";
    return SourceFile.reason(e);
  }

  private static byte[] readBundled() {
    try (InputStream in = BankLoader.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new UncheckedIOException(DEFAULT + ": No such file or directory", new NoSuchFileException(RESOURCE));
      return in.readNBytes(YamlTree.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(DEFAULT + ": " + reason(e), e);
    }
  }

  /** Shows a value in a message, cut short so a huge bad value cannot flood the terminal. */
  static String quote(String s) {
    return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
  }

  /** The state of one load: questions and ids so far, across files. */
  private static final class Run {
    final List<BankProblem> problems = new ArrayList<>();
    final List<Question> questions = new ArrayList<>();
    final List<Position> questionText = new ArrayList<>();
    final Map<String, Position> ids = new HashMap<>();

    void read(YamlTree t, String text) {
      Node root = t.parse(text);
      if (root == null) {
        if (t.errorCount() == 0) t.warn(new Position(t.file(), 1, 1), "no questions: the file is empty");
        return;
      }
      Map<String, NodeTuple> top = t.mapping(root, "the top level");
      if (top == null) return;
      t.unknownKeys(top, TOP_KEYS);
      NodeTuple qs = top.get("questions");
      if (qs == null) {
        t.error(root, "missing required key 'questions'");
        return;
      }
      List<Node> entries = t.list(qs.getValueNode(), "'questions'");
      if (entries == null) return;
      if (entries.size() > MAX_QUESTIONS) {
        t.error(qs.getValueNode(), "limit exceeded: " + entries.size() + " questions, at most " + MAX_QUESTIONS + " per file");
        return;
      }
      for (Node e : entries) entry(t, e);
    }

    private void entry(YamlTree t, Node node) {
      int before = t.errorCount();
      Map<String, NodeTuple> m = t.mapping(node, "a question entry");
      if (m == null) return;
      t.unknownKeys(m, FIELDS);

      String id = required(t, node, m, "id");
      if (id != null) {
        Node idNode = m.get("id").getValueNode();
        if (id.length() > MAX_ID) {
          t.error(idNode, "invalid id " + quote(id) + ": at most " + MAX_ID + " characters");
        } else if (!Parsing.SLUG.matcher(id).matches()) {
          t.error(idNode, "invalid id " + quote(id) + ": use lowercase letters, digits and '-', starting with a letter or digit");
        } else {
          Position first = ids.putIfAbsent(id, t.pos(idNode));
          if (first != null) t.error(idNode, "duplicate id '" + id + "', first defined at " + first.file() + ":" + first.line());
        }
      }
      String question = nonEmpty(t, node, m, "question");
      String answer = nonEmpty(t, node, m, "answer");
      List<String> tags = tags(t, node, m);
      Difficulty difficulty = difficulty(t, m);
      List<Ref> refs = refs(t, m);
      List<String> keywords = keywords(t, m);

      if (t.errorCount() != before) return;
      questions.add(new Question(id, question.strip(), answer.stripTrailing(), tags, difficulty, refs, t.pos(node),
          keywords));
      questionText.add(t.pos(m.get("question").getValueNode()));
    }

    private static String required(YamlTree t, Node entry, Map<String, NodeTuple> m, String key) {
      NodeTuple tuple = m.get(key);
      if (tuple == null) {
        t.error(entry, "missing required key '" + key + "'");
        return null;
      }
      return t.text(tuple.getValueNode(), "'" + key + "'");
    }

    private static String nonEmpty(YamlTree t, Node entry, Map<String, NodeTuple> m, String key) {
      String s = required(t, entry, m, key);
      if (s != null && s.isBlank()) {
        t.error(m.get(key).getValueNode(), "'" + key + "' must not be empty");
        return null;
      }
      return s;
    }

    private static List<String> tags(YamlTree t, Node entry, Map<String, NodeTuple> m) {
      NodeTuple tuple = m.get("tags");
      if (tuple == null) {
        t.error(entry, "missing required key 'tags'");
        return null;
      }
      List<Node> items = t.list(tuple.getValueNode(), "'tags'");
      if (items == null) return null;
      if (items.isEmpty()) {
        t.error(tuple.getValueNode(), "'tags' must not be empty");
        return null;
      }
      List<String> tags = new ArrayList<>();
      for (Node item : items) {
        String tag = t.text(item, "a tag");
        if (tag == null) continue;
        if (tag.length() > MAX_ID || !Parsing.SLUG.matcher(tag).matches()) {
          t.error(item, "invalid tag " + quote(tag) + ": use lowercase letters, digits and '-', starting with a letter or digit, at most " + MAX_ID + " characters");
        } else if (tags.contains(tag)) {
          t.error(item, "duplicate tag '" + tag + "'");
        } else {
          tags.add(tag);
        }
      }
      return tags;
    }

    private static Difficulty difficulty(YamlTree t, Map<String, NodeTuple> m) {
      NodeTuple tuple = m.get("difficulty");
      if (tuple == null || YamlTree.isNothing(tuple.getValueNode())) return null;
      String s = t.text(tuple.getValueNode(), "'difficulty'");
      if (s == null) return null;
      switch (s) {
        case "easy": return Difficulty.EASY;
        case "medium": return Difficulty.MEDIUM;
        case "hard": return Difficulty.HARD;
        default:
          t.error(tuple.getValueNode(), "invalid difficulty " + quote(s) + ": use easy, medium or hard");
          return null;
      }
    }

    private static List<Ref> refs(YamlTree t, Map<String, NodeTuple> m) {
      NodeTuple tuple = m.get("refs");
      List<Ref> refs = new ArrayList<>();
      if (tuple == null || YamlTree.isNothing(tuple.getValueNode())) return refs;
      List<Node> items = t.list(tuple.getValueNode(), "'refs'");
      if (items == null) return refs;
      for (Node item : items) {
        if (item instanceof ScalarNode) {
          String url = url(t, item);
          if (url != null) refs.add(new Ref(null, url));
          continue;
        }
        if (!(item instanceof MappingNode)) {
          t.error(item, "wrong type: a ref must be a URL or a {title, url} mapping, got " + YamlTree.kind(item));
          continue;
        }
        Map<String, NodeTuple> ref = t.mapping(item, "a ref");
        t.unknownKeys(ref, REF_KEYS);
        String title = null;
        NodeTuple titleTuple = ref.get("title");
        if (titleTuple != null) {
          title = t.text(titleTuple.getValueNode(), "'title'");
          if (title != null && title.isBlank()) {
            t.error(titleTuple.getValueNode(), "'title' must not be empty");
            title = null;
          }
        }
        NodeTuple urlTuple = ref.get("url");
        if (urlTuple == null) {
          t.error(item, "missing required key 'url'");
          continue;
        }
        String url = url(t, urlTuple.getValueNode());
        if (url != null) refs.add(new Ref(title == null ? null : title.strip(), url));
      }
      return refs;
    }

    /** Optional key terms: non-empty strings, each maybe "a|b" alternatives, none of them empty. */
    private static List<String> keywords(YamlTree t, Map<String, NodeTuple> m) {
      NodeTuple tuple = m.get("keywords");
      List<String> keywords = new ArrayList<>();
      if (tuple == null || YamlTree.isNothing(tuple.getValueNode())) return keywords;
      List<Node> items = t.list(tuple.getValueNode(), "'keywords'");
      if (items == null) return keywords;
      for (Node item : items) {
        String k = t.text(item, "a keyword");
        if (k == null) continue;
        if (k.isBlank()) {
          t.error(item, "empty keyword: give a term a good answer mentions");
          continue;
        }
        boolean ok = true;
        for (String alt : k.split("\\|", -1)) {
          if (alt.isBlank()) ok = false;
        }
        if (!ok) {
          t.error(item, "empty alternative in keyword " + quote(k) + ": separate terms with a single '|'");
          continue;
        }
        String joined = String.join("|", Arrays.stream(k.split("\\|")).map(String::strip).toList());
        if (keywords.contains(joined)) t.warn(t.pos(item), "duplicate keyword " + quote(joined));
        else keywords.add(joined);
      }
      return keywords;
    }

    private static String url(YamlTree t, Node n) {
      String s = t.text(n, "a URL");
      if (s == null) return null;
      s = s.strip();
      if (!Parsing.URL.matcher(s).matches()) {
        t.error(n, "invalid URL " + quote(s) + ": use an http:// or https:// address");
        return null;
      }
      return s;
    }

    /** Questions of a file that loaded cleanly before; only the checks across files remain to be done. */
    void addCached(List<Question> cached) {
      for (Question q : cached) {
        Position first = ids.putIfAbsent(q.id(), q.position());
        if (first != null) {
          problems.add(new BankProblem(q.position(), BankProblem.Severity.ERROR,
              "duplicate id '" + q.id() + "', first defined at " + first.file() + ":" + first.line()));
          continue;
        }
        questions.add(q);
        questionText.add(q.position());
      }
    }

    LoadResult finish(boolean nearDuplicates) {
      if (nearDuplicates) NearDuplicates.check(questions, questionText, problems);
      if (problems.size() > 1) problems.sort(Parsing.ORDER);
      return new LoadResult(new Bank(questions), problems);
    }
  }
}
