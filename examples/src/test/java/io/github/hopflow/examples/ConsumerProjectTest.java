package io.github.hopflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer project under {@code docs/consumer} builds against the library as a user's project
 * would: on the class path, and on the module path as a named module that requires hopflow's
 * automatic modules (io.github.hopflow.geometry, .sde, .wasserstein).
 */
class ConsumerProjectTest {

    @TempDir
    Path tmp;

    private static final String[] MODULES = {"geometry", "sde", "wasserstein"};
    /** The libraries' own dependencies, by the start of their jar names. */
    private static final String[] DEPENDENCIES = {"commons-math3", "commons-numbers", "commons-rng", "ejml",
        "janino", "commons-compiler", "jblas"};

    private static Path sources() {
        Path here = Path.of("").toAbsolutePath();
        Path dir = here.resolve("docs/consumer/src/main/java");
        return Files.isDirectory(dir) ? dir : here.getParent().resolve("docs/consumer/src/main/java");
    }

    private static List<String> javaFiles(boolean withModuleInfo) throws IOException {
        try (Stream<Path> s = Files.walk(sources())) {
            return s.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> withModuleInfo || !p.getFileName().toString().equals("module-info.java"))
                    .map(Path::toString).sorted().toList();
        }
    }

    private static int javac(List<String> args, StringWriter log) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        return javac.run(null, null, new java.io.PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                log.write(b);
            }
        }, true), args.toArray(new String[0]));
    }

    @Test
    void buildsOnTheClassPath() throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", tmp.resolve("classes").toString(), "-cp",
                System.getProperty("java.class.path"), "--release", "17"));
        args.addAll(javaFiles(false));
        StringWriter log = new StringWriter();
        assertEquals(0, javac(args, log), log.toString());
        assertTrue(Files.exists(tmp.resolve("classes/org/example/consumer/PaperExample.class")));
    }

    @Test
    void buildsOnTheModulePathAsANamedModule() throws IOException {
        List<String> modulePath = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String module = module(p);
            if (module != null) {
                // a reactor build may give the classes folder: jar it with the manifest the build writes
                modulePath.add(Files.isDirectory(p) ? jar(p, module).toString() : entry);
                found.add(module);
            } else if (Files.isRegularFile(p) && isDependency(p.getFileName().toString())) {
                modulePath.add(entry);
            }
        }
        assertEquals(3, found.size(), "the three library modules on the test class path: " + found);
        List<String> args = new ArrayList<>(List.of("-d", tmp.resolve("modules").toString(), "--module-path",
                String.join(File.pathSeparator, modulePath), "--release", "17"));
        args.addAll(javaFiles(true));
        StringWriter log = new StringWriter();
        assertEquals(0, javac(args, log), log.toString());
        assertTrue(Files.exists(tmp.resolve("modules/module-info.class")));
        assertFalse(log.toString().contains("error"), log.toString());
    }

    /** The automatic module name of a library module's jar or classes folder, or null. */
    private static String module(Path p) {
        String s = p.toString().replace('\\', '/');
        for (String m : MODULES) {
            if (p.getFileName().toString().startsWith("hopflow-" + m + "-") && s.endsWith(".jar")
                    || s.endsWith("/" + m + "/target/classes")) {
                return "io.github.hopflow." + m;
            }
        }
        return null;
    }

    private static boolean isDependency(String name) {
        for (String d : DEPENDENCIES) {
            if (name.startsWith(d) && name.endsWith(".jar")) {
                return true;
            }
        }
        return false;
    }

    private Path jar(Path classes, String module) throws IOException {
        Path jar = tmp.resolve(module + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), module);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
