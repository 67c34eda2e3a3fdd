package idrill.interop;

import idrill.bank.BankLoader;
import idrill.bank.LoadResult;
import idrill.bank.Question;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the files under src/test/resources/interop and imports them. */
final class Fixtures {
  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/interop/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ImportResult read(String... names) {
    return read(SourceFormat.AUTO, List.of(), names);
  }

  static ImportResult read(SourceFormat format, List<String> tags, String... names) {
    List<Importer.Source> sources = java.util.Arrays.stream(names).map(n -> new Importer.Source(n, text(n))).toList();
    return new Importer().read(sources, format, tags);
  }

  static ImportResult readText(String name, String text) {
    return new Importer().read(List.of(new Importer.Source(name, text)), SourceFormat.AUTO, List.of());
  }

  static Question byId(ImportResult r, String id) {
    return r.questions().stream().filter(q -> q.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no question " + id + " in " + r.questions().stream().map(Question::id).toList()));
  }

  static List<Question> bank(String name) {
    LoadResult r = new BankLoader().loadText(name, text(name));
    if (r.hasErrors()) throw new AssertionError(r.problems().toString());
    return r.bank().questions();
  }
}
