package org.interlay.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads static overlay entries, for networks where multicast does not reach. One advert per line,
 * written as the TXT keys {@code key=value} separated by spaces, plus an optional {@code node=ID}
 * (default {@code static-<line number>}); blank lines and lines starting with '#' are skipped:
 * <pre>
 * ov=chord.lab algo=chord domain=chord.lab boot=10.0.0.5:4000 sip=10.0.0.5:5060 role=peer v=1
 * </pre>
 * A file with any bad line is rejected whole, naming the line.
 */
public final class StaticAdvertsFile {

    public static final String KEY_NODE = "node";

    private StaticAdvertsFile() {
    }

    public static List<OverlayAdvert> read(Path file) throws IOException, InvalidAdvertException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static List<OverlayAdvert> parse(List<String> lines) throws InvalidAdvertException {
        List<OverlayAdvert> adverts = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                adverts.add(parseLine(line, index + 1));
            } catch (InvalidAdvertException e) {
                throw new InvalidAdvertException(e.problem(), "line " + (index + 1) + ": " + e.getMessage());
            }
        }
        return List.copyOf(adverts);
    }

    private static OverlayAdvert parseLine(String line, int lineNumber) throws InvalidAdvertException {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String word : line.split("\\s+")) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                throw new InvalidAdvertException(InvalidAdvertException.Problem.BAD_VALUE, "'" + word + "' is not key=value");
            }
            if (pairs.putIfAbsent(word.substring(0, equals), word.substring(equals + 1)) != null) {
                throw new InvalidAdvertException(InvalidAdvertException.Problem.BAD_VALUE,
                        "key '" + word.substring(0, equals) + "' given twice");
            }
        }
        String nodeId = pairs.getOrDefault(KEY_NODE, "static-" + lineNumber);
        return DnsSdAdvertCodec.fromTxt(TxtRecord.of(pairs), nodeId);
    }
}
