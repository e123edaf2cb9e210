package org.fulcrum.casefile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes the bytes of a spreadsheet's CSV file as people save them: with a byte-order mark (UTF-8,
 * or UTF-16 as Excel's "Unicode text"), as plain UTF-8, or else as Windows-1252 (Excel's "CSV" on
 * Windows) or ISO-8859-1. Text that cannot be decoded is refused with a problem naming the encodings
 * tried, never decoded with replacement characters: a file that already holds U+FFFD was garbled by
 * an earlier conversion and is refused too.
 */
final class SpreadsheetText {

  /** The text of a file and the encoding it was read in (as named in problems and docs). */
  record Decoded(String text, String encoding) {}

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The five bytes Windows-1252 leaves undefined; in ISO-8859-1 they are control characters. */
  private static final String UNDEFINED_IN_1252 = "\u0081\u008D\u008F\u0090\u009D";

  private static final String ADVICE = "; save it as \"CSV UTF-8\" and import it again";

  private SpreadsheetText() {}

  /**
   * @return the decoded text, or {@code null} with a problem added when the bytes are no text in a
   *     supported encoding
   */
  static Decoded decode(String file, byte[] bytes, List<ImportProblem> problems) {
    Decoded d = detect(file, bytes, problems);
    if (d == null) {
      return null;
    }
    int replacement = d.text().indexOf('\uFFFD');
    if (replacement >= 0) {
      problems.add(new ImportProblem(file, lineAt(d.text(), replacement), null, null,
          "the " + d.encoding() + " text holds the replacement character U+FFFD: it was garbled"
              + " by an earlier conversion, and the original letters are lost; take the file from"
              + " its original source" + ADVICE));
      return null;
    }
    // UTF-16 without a byte-order mark passes as UTF-8 with a NUL beside every letter; a NUL or
    // two inside a cell is text (and round-trips), a NUL in every other place is not
    long nuls = d.text().chars().filter(c -> c == 0).count();
    int nul = d.text().indexOf('\u0000');
    if (nuls > 0 && nuls * 4 >= d.text().length()) {
      problems.add(new ImportProblem(file, lineAt(d.text(), nul), null, null,
          "the file holds NUL bytes, so it is not " + d.encoding() + " text (UTF-16 without a"
              + " byte-order mark?)" + ADVICE));
      return null;
    }
    return d;
  }

  private static Decoded detect(String file, byte[] bytes, List<ImportProblem> problems) {
    if (starts(bytes, 0xEF, 0xBB, 0xBF)) {
      return strict(file, bytes, 3, StandardCharsets.UTF_8, "UTF-8", problems,
          "the file starts with a UTF-8 byte-order mark but is not valid UTF-8");
    }
    if (starts(bytes, 0xFF, 0xFE)) {
      return strict(file, bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE", problems,
          "the file starts with a UTF-16LE byte-order mark but is not valid UTF-16LE");
    }
    if (starts(bytes, 0xFE, 0xFF)) {
      return strict(file, bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE", problems,
          "the file starts with a UTF-16BE byte-order mark but is not valid UTF-16BE");
    }
    int invalidUtf8 = firstInvalidUtf8(bytes);
    if (invalidUtf8 < 0) {
      return new Decoded(new String(bytes, StandardCharsets.UTF_8), "UTF-8");
    }
    // Not UTF-8: a single-byte Windows text. ISO-8859-1 and Windows-1252 agree except on 0x80-0x9F,
    // which are letters and marks in Windows-1252 and control characters (never text) in ISO-8859-1.
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    boolean c1 = false;
    for (int i = 0; i < latin.length(); i++) {
      char ch = latin.charAt(i);
      if (UNDEFINED_IN_1252.indexOf(ch) >= 0) {
        problems.add(new ImportProblem(file, lineAt(latin, i), null, null, String.format(
            "the file is not UTF-8 (byte 0x%02X on line %d is not valid UTF-8), nor Windows-1252"
                + " or ISO-8859-1 text (byte 0x%02X is no character in either)" + ADVICE,
            bytes[invalidUtf8] & 0xFF, lineAt(latin, invalidUtf8), (int) ch)));
        return null;
      }
      c1 |= ch >= 0x80 && ch <= 0x9F;
    }
    return c1 ? new Decoded(new String(bytes, WINDOWS_1252), "Windows-1252")
        : new Decoded(latin, "ISO-8859-1");
  }

  private static Decoded strict(String file, byte[] bytes, int offset, Charset charset, String name,
      List<ImportProblem> problems, String problem) {
    try {
      String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
      return new Decoded(text, name);
    } catch (CharacterCodingException e) {
      problems.add(new ImportProblem(file, null, null, null, problem + ADVICE));
      return null;
    }
  }

  /** The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
  static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int n;
      int min;
      if (c < 0x80) {
        i++;
        continue;
      } else if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + n >= b.length) {
        return i;
      }
      int cp = c & (0x3F >> n);
      for (int k = 1; k <= n; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return i;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return i;
      }
      i += n + 1;
    }
    return -1;
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The 1-based line of a character (a byte, for single-byte text). */
  private static int lineAt(String text, int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
