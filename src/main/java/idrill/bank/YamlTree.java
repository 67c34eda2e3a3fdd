package idrill.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Safe reading of one untrusted YAML file (bank or config) into a SnakeYAML node tree, and accessors
 * over that tree which record positioned problems instead of throwing. No object construction ever happens.
 */
public final class YamlTree {
  public static final int MAX_BYTES = 4 * 1024 * 1024;
  public static final int MAX_DEPTH = 20;
  public static final int MAX_TEXT = 100_000;
  private static final int MAX_ALIASES = 50;
  private static final String CORE = "tag:yaml.org,2002:";
  private static final Set<String> ALLOWED_TAGS =
      Set.of("!", CORE + "str", CORE + "int", CORE + "float", CORE + "bool", CORE + "null", CORE + "map", CORE + "seq");

  private final String file;
  private final List<BankProblem> problems;
  private int errors;

  /** Problems go to {@code problems}; {@code file} names the source in every position. */
  public YamlTree(String file, List<BankProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  public String file() {
    return file;
  }

  /** Number of errors recorded through this tree so far. */
  public int errorCount() {
    return errors;
  }

  // ---- reading ------------------------------------------------------------------------------

  /**
   * Reads a file as UTF-8 text; null (with a problem) when it is too large or not UTF-8. A missing, unreadable or
   * non-regular file throws UncheckedIOException "<file>: reason" ({@link SourceFile}).
   */
  public String read(Path path) {
    return text(SourceFile.read(path, file, MAX_BYTES));
  }

  /** Reads at most MAX_BYTES of UTF-8 text from a stream; null (with a problem) when larger or not UTF-8. */
  public String read(InputStream in) throws IOException {
    return text(in.readNBytes(MAX_BYTES + 1));
  }

  /** The bytes as UTF-8 text; null (with a positioned problem) when more than MAX_BYTES or not UTF-8. */
  public String text(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      tooLarge();
      return null;
    }
    SourceFile.Decoded d = SourceFile.utf8(bytes, file);
    if (d.error() != null) error(d.error(), "not valid UTF-8 text");
    return d.text();
  }

  private void tooLarge() {
    error(new Position(file, 1, 1), "limit exceeded: file is larger than " + (MAX_BYTES >> 20) + " MiB");
  }

  // ---- parsing ------------------------------------------------------------------------------

  /**
   * Root node of the single document in {@code text}; null when the text holds no document or cannot be
   * used (then a problem is recorded). Rejects aliases, explicit tags beyond the YAML core ones, nesting
   * deeper than MAX_DEPTH and more than one document. Keys are checked by {@link #mapping}.
   */
  public Node parse(String text) {
    if (text.length() > MAX_BYTES) {
      tooLarge();
      return null;
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    Guard parser = new Guard(new ParserImpl(new StreamReader(text), options));
    // the Composer only builds Nodes (Yaml.compose does the same); a text-only resolver skips YAML 1.1 typing
    Composer composer = new Composer(parser, new TextResolver(), options);
    try {
      Node root = composer.checkNode() ? composer.getNode() : null;
      if (composer.checkNode()) {
        error(at(parser.peekEvent().getStartMark()), "more than one document: a file holds a single document");
        return null;
      }
      return root == null || isEmptyScalar(root) ? null : root;
    } catch (Rejected e) {
      error(e.position, e.getMessage());
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      error(mark != null ? at(mark) : new Position(file, 1, 1), oneLine(problem));
    } catch (ReaderException e) {
      error(codePointPosition(text, e.getPosition()),
          oneLine(e.getMessage()) + String.format(" (U+%04X)", e.getCodePoint()));
    } catch (YAMLException e) {
      error(new Position(file, 1, 1), oneLine(e.getMessage()));
    }
    return null;
  }

  private static boolean isEmptyScalar(Node n) {
    return n instanceof ScalarNode s && s.getValue().isEmpty() && s.isPlain();
  }

  private Position at(Mark mark) {
    return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private Position codePointPosition(String text, int index) {
    int line = 1;
    int col = 1;
    int cp = 0;
    for (int i = 0; i < text.length() && cp < index; cp++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Position(file, line, col);
  }

  static String oneLine(String s) {
    if (s == null) return "invalid YAML";
    return s.strip().replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  // ---- problems -----------------------------------------------------------------------------

  public Position pos(Node n) {
    return at(n.getStartMark());
  }

  public void error(Node n, String message) {
    error(pos(n), message);
  }

  public void error(Position p, String message) {
    errors++;
    problems.add(new BankProblem(p, BankProblem.Severity.ERROR, message));
  }

  public void warn(Position p, String message) {
    problems.add(new BankProblem(p, BankProblem.Severity.WARNING, message));
  }

  // ---- accessors ----------------------------------------------------------------------------

  /** "a mapping", "a list" or "text", for wrong-type messages. */
  public static String kind(Node n) {
    if (n instanceof MappingNode) return "a mapping";
    if (n instanceof SequenceNode) return "a list";
    return isEmptyScalar(n) ? "nothing" : "text";
  }

  /** True for a key given with no value ({@code difficulty:}), which optional fields treat as absent. */
  public static boolean isNothing(Node n) {
    return isEmptyScalar(n);
  }

  /**
   * Key text → (key, value) in file order; null with a "wrong type" problem when {@code n} is no mapping.
   * A repeated key or a non-text key is a problem (SnakeYAML checks neither when only composing).
   */
  public Map<String, NodeTuple> mapping(Node n, String what) {
    if (!(n instanceof MappingNode m)) {
      error(n, "wrong type: " + what + " must be a mapping, got " + kind(n));
      return null;
    }
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      Node key = t.getKeyNode();
      if (!(key instanceof ScalarNode k)) {
        error(key, "wrong type: a key must be text, got " + kind(key));
        continue;
      }
      NodeTuple first = out.putIfAbsent(k.getValue(), t);
      if (first != null) {
        error(key, "duplicate key '" + k.getValue() + "' (first at line " + pos(first.getKeyNode()).line() + ")");
      }
    }
    return out;
  }

  /** Reports every key of {@code map} that is not in {@code allowed}, suggesting the closest allowed key. */
  public void unknownKeys(Map<String, NodeTuple> map, Collection<String> allowed) {
    for (Map.Entry<String, NodeTuple> e : map.entrySet()) {
      if (allowed.contains(e.getKey())) continue;
      List<String> close = Suggest.closest(e.getKey(), allowed, 1);
      error(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "'"
          + (close.isEmpty() ? " (allowed: " + String.join(", ", allowed) + ")" : " (did you mean '" + close.get(0) + "'?)"));
    }
  }

  /** The items of a list; null with a "wrong type" problem when {@code n} is no list. */
  public List<Node> list(Node n, String what) {
    if (!(n instanceof SequenceNode s)) {
      error(n, "wrong type: " + what + " must be a list, got " + kind(n));
      return null;
    }
    return s.getValue();
  }

  /**
   * A scalar's source text, whatever YAML 1.1 would have typed it as ({@code yes} stays "yes");
   * null with a problem when {@code n} is a collection or longer than MAX_TEXT.
   */
  public String text(Node n, String what) {
    if (!(n instanceof ScalarNode s)) {
      error(n, "wrong type: " + what + " must be text, got " + kind(n));
      return null;
    }
    if (s.getValue().length() > MAX_TEXT) {
      error(n, "limit exceeded: " + what + " is longer than " + MAX_TEXT + " characters");
      return null;
    }
    return s.getValue();
  }

  // ---- safety guard ------------------------------------------------------------------------

  /** A refusal found while parsing; carries its position. */
  private static final class Rejected extends RuntimeException {
    final transient Position position;

    Rejected(Position position, String message) {
      super(message, null, false, false);
      this.position = position;
    }
  }

  /** Every plain scalar resolves to a string: the loader reads source text only. */
  private static final class TextResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      // no implicit types
    }
  }

  /** Sits between parser and composer: refuses aliases, foreign tags and deep nesting before any node exists. */
  private final class Guard implements Parser {
    private final Parser inner;
    private int depth;

    Guard(Parser inner) {
      this.inner = inner;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      Event e = peekEvent();
      return e != null && e.is(choice);
    }

    @Override
    public Event peekEvent() {
      return inspect(inner.peekEvent());
    }

    @Override
    public Event getEvent() {
      Event e = inspect(inner.getEvent());
      if (e instanceof CollectionStartEvent) depth++;
      else if (e != null && (e.is(Event.ID.SequenceEnd) || e.is(Event.ID.MappingEnd))) depth--;
      return e;
    }

    private Event inspect(Event e) {
      if (e == null) return null;
      if (e.is(Event.ID.Alias)) throw new Rejected(at(e.getStartMark()), "aliases are not allowed");
      String tag = null;
      if (e instanceof ScalarEvent s) tag = s.getTag();
      else if (e instanceof CollectionStartEvent c) {
        tag = c.getTag();
        if (depth + 1 > MAX_DEPTH) {
          throw new Rejected(at(e.getStartMark()), "limit exceeded: nesting deeper than " + MAX_DEPTH + " levels");
        }
      }
      if (tag != null && !ALLOWED_TAGS.contains(tag)) {
        String shown = tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : tag;
        throw new Rejected(at(e.getStartMark()), "tag not allowed: " + shown);
      }
      return e;
    }
  }

  /** Copies a list of problems keeping only errors. */
  static List<BankProblem> errorsOnly(List<BankProblem> all) {
    List<BankProblem> out = new ArrayList<>();
    for (BankProblem p : all) if (p.isError()) out.add(p);
    return out;
  }
}
