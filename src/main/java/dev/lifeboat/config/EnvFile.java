package dev.lifeboat.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code --env-file FILE}: {@code KEY=VALUE} lines, as {@code heroku config -s} prints them, for running the console
 * (or a server) from a laptop. Blank lines and {@code #} comments are skipped, {@code export } is allowed, values may
 * be bare, 'single-quoted' or "double-quoted" (with {@code \} escapes), in pieces as a shell reads them. A file that
 * others may read is refused: it holds the tokens. Problems name the line by number and never show a value.
 */
public final class EnvFile {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private EnvFile() {
    }

    /** The variables of {@code file}, in file order (a later line wins); throws with every problem found. */
    public static Map<String, String> read(Path file) {
        String text;
        try {
            refuseShared(file);
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of("--env-file " + file + ": no such file"));
        } catch (IOException e) {
            throw new ConfigException(List.of("--env-file " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        Map<String, String> vars = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).stripLeading();
            }
            int eq = line.indexOf('=');
            String where = "--env-file " + file + " line " + (i + 1) + ": ";
            if (eq <= 0) {
                problems.add(where + "expected KEY=VALUE (the line is not shown: it may hold a secret)");
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                problems.add(where + "the name before '=' is not a variable name (the line is not shown)");
                continue;
            }
            try {
                vars.put(key, value(line.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                problems.add(where + key + "'s value " + e.getMessage() + " (the value is not shown)");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return vars;
    }

    /** The file's variables under the process environment: a variable set in both keeps the environment's value. */
    public static Env under(Map<String, String> system, Path file) {
        Map<String, String> merged = new LinkedHashMap<>(read(file));
        merged.putAll(system);
        return Env.of(merged);
    }

    private static void refuseShared(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: nothing to check
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new ConfigException(List.of("--env-file " + file + " may be read by others (mode "
                    + PosixFilePermissions.toString(permissions) + "); it holds tokens. Run: chmod 600 " + file));
        }
    }

    /** A value as a shell reads one word: bare (with \ escapes), '…' (literal) or "…" (\ escapes), in pieces. */
    static String value(String raw) {
        String text = raw.strip();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("opens a ' quote that is not closed");
                }
                out.append(text, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < text.length()) {
                    char d = text.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
                        out.append(text.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    out.append(d);
                    i++;
                }
                if (!closed) {
                    throw new IllegalArgumentException("opens a \" quote that is not closed");
                }
            } else if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw new IllegalArgumentException("ends with a lone \\");
                }
                out.append(text.charAt(i + 1));
                i += 2;
            } else if (Character.isWhitespace(c)) {
                String rest = text.substring(i).strip();
                if (rest.isEmpty() || rest.startsWith("#")) {
                    break; // a comment after the value
                }
                throw new IllegalArgumentException("has a space outside quotes");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
