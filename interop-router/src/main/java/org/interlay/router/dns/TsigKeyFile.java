package org.interlay.router.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.TSIG;

/**
 * Reads a TSIG key (RFC 8945) from a file in the format BIND's {@code tsig-keygen} writes and
 * {@code named} and {@code nsupdate -k} read:
 * <pre>
 * key "interlay-update" {
 *     algorithm hmac-sha256;
 *     secret "fygjmNjYzXVJA8V4/ekg8Dp4QRXbU+FO2Ag96WKsPTk=";
 * };
 * </pre>
 * Comments ({@code #}, {@code //}, and C-style blocks) are allowed; the first key in the file is used.
 * The signing itself is dnsjava's.
 */
public final class TsigKeyFile {
    private static final Pattern KEY = Pattern.compile("key\\s+\"?([A-Za-z0-9._-]+)\"?\\s*\\{(.*?)\\}\\s*;", Pattern.DOTALL);
    private static final Pattern ALGORITHM = Pattern.compile("algorithm\\s+\"?([A-Za-z0-9-]+)\"?\\s*;");
    private static final Pattern SECRET = Pattern.compile("secret\\s+\"([A-Za-z0-9+/=\\s]+)\"\\s*;");
    private static final long MAX_BYTES = 64 * 1024;

    private TsigKeyFile() {
    }

    public static TsigKey read(Path file) throws DnsConfigException {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) throw new DnsConfigException(file + " is too large to be a TSIG key file");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DnsConfigException("cannot read the TSIG key file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** The first key in {@code text}; {@code where} names it in errors. */
    static TsigKey parse(String text, String where) throws DnsConfigException {
        Matcher key = KEY.matcher(withoutComments(text));
        if (!key.find()) throw new DnsConfigException(where + ": no key \"name\" { algorithm ...; secret \"...\"; }; in it");
        String body = key.group(2);
        Matcher algorithm = ALGORITHM.matcher(body);
        Matcher secret = SECRET.matcher(body);
        if (!algorithm.find()) throw new DnsConfigException(where + ": key " + key.group(1) + " has no algorithm");
        if (!secret.find()) throw new DnsConfigException(where + ": key " + key.group(1) + " has no secret");
        Name algorithmName;
        try {
            algorithmName = TSIG.algorithmToName(algorithm.group(1).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DnsConfigException(where + ": unknown TSIG algorithm " + algorithm.group(1));
        }
        byte[] secretBytes;
        try {
            secretBytes = Base64.getDecoder().decode(secret.group(1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new DnsConfigException(where + ": the secret of key " + key.group(1) + " is not base64");
        }
        if (secretBytes.length == 0) throw new DnsConfigException(where + ": the secret of key " + key.group(1) + " is empty");
        try {
            return new TsigKey(Name.fromString(key.group(1), Name.root), algorithmName, secretBytes);
        } catch (TextParseException e) {
            throw new DnsConfigException(where + ": " + key.group(1) + " is not a key name", e);
        }
    }

    /** {@code text} with its comments blanked out; what is inside double quotes (a secret may hold "//") is kept. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            if (!quoted && (c == '#' || text.startsWith("//", i))) {
                while (i < text.length() && text.charAt(i) != '\n') i++;
                out.append('\n');
            } else if (!quoted && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
