package org.interlay.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a SIP agent stores to check a user's digest responses without knowing the password: the HA1
 * values (RFC 3261 §22.4: "H(A1)"), one per algorithm. Saved as a small text file of {@code name=value}
 * lines, owner-readable only (an HA1 lets its holder answer challenges of that realm).
 *
 * @param aor       whose
 * @param ha1Md5    MD5(username:realm:password), 32 hex digits
 * @param ha1Sha256 SHA-256(username:realm:password), 64 hex digits
 */
public record DigestSecret(Aor aor, String ha1Md5, String ha1Sha256) {
    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public DigestSecret {
        Objects.requireNonNull(aor, "aor");
        if (ha1Md5 == null || !MD5_HEX.matcher(ha1Md5).matches()) throw new IllegalArgumentException("an MD5 HA1 is 32 hex digits");
        if (ha1Sha256 == null || !SHA256_HEX.matcher(ha1Sha256).matches()) {
            throw new IllegalArgumentException("a SHA-256 HA1 is 64 hex digits");
        }
    }

    public String ha1(DigestAlgorithm algorithm) {
        return algorithm == DigestAlgorithm.MD5 ? ha1Md5 : ha1Sha256;
    }

    /** The file's text. */
    public String toText() {
        return "# HA1 = H(username \":\" realm \":\" password): RFC 3261 section 22.4 (MD5), RFC 8760 (SHA-256)\n"
                + "aor=" + aor + "\n"
                + "username=" + aor.user() + "\n"
                + "realm=" + aor.domain() + "\n"
                + "MD5=" + ha1Md5 + "\n"
                + "SHA-256=" + ha1Sha256 + "\n";
    }

    /** Writes the file, owner-readable only; refuses if it exists. */
    public void save(Path file) {
        PemFiles.write(file, toText(), true);
    }

    /** Reads a file {@link #save} wrote; a TrustException names what is missing or wrong. */
    public static DigestSecret load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TrustException(file + " does not exist");
        } catch (IOException e) {
            throw new TrustException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) throw new TrustException(file + ": not a name=value line: '" + line + "'");
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        try {
            Aor aor = Aor.parse(required(values, "aor", file));
            if (!aor.user().equals(values.getOrDefault("username", aor.user())) || !aor.domain().equals(values.getOrDefault("realm", aor.domain()))) {
                throw new TrustException(file + ": username and realm are not those of " + aor);
            }
            return new DigestSecret(aor, required(values, "MD5", file), required(values, "SHA-256", file));
        } catch (IllegalArgumentException e) {
            throw new TrustException(file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> values, String name, Path file) {
        String v = values.get(name);
        if (v == null) throw new TrustException(file + " has no " + name + "= line");
        return v;
    }
}
