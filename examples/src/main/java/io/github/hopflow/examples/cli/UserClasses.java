package io.github.hopflow.examples.cli;

import io.github.hopflow.geometry.objective.Objective;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a user's {@link Objective} class ({@code --objective-class NAME --classpath PATHS}): from
 * the given jars and folders (or the application's class path), with a public constructor taking
 * the dimension n, or a public no-argument one.
 */
final class UserClasses {

    private UserClasses() {
    }

    /**
     * An instance of {@code name}.
     *
     * @param classpath jars and folders separated by {@link File#pathSeparator}, or null
     * @param dimension the n passed to an (int) constructor
     * @throws IllegalArgumentException for a missing path, a class that is not found, does not
     *     implement {@link Objective} or has no usable constructor, or one whose constructor fails
     */
    static Objective load(String name, String classpath, int dimension) {
        ClassLoader parent = UserClasses.class.getClassLoader();
        ClassLoader loader = parent;
        if (classpath != null) {
            List<URL> urls = new ArrayList<>();
            for (String part : classpath.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
                if (part.isBlank()) {
                    continue;
                }
                Path p = Path.of(part.trim());
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("--classpath: " + p + " does not exist");
                }
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("--classpath: " + p + " is not a usable path: " + e.getMessage(), e);
                }
            }
            // the loader stays open for the life of the objective, which may load more classes lazily
            loader = new URLClassLoader(urls.toArray(new URL[0]), parent);
        }
        Class<?> c;
        try {
            c = Class.forName(name.trim(), true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("--objective-class " + name + ": class not found"
                    + (classpath == null ? " (give its jar or folder with --classpath)" : " on --classpath " + classpath)
                    + (e instanceof LinkageError ? ": " + e : ""), e);
        }
        if (!Objective.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("--objective-class " + name + " does not implement "
                    + Objective.class.getName());
        }
        Object instance;
        try {
            Constructor<?> withDimension = constructor(c, int.class);
            if (withDimension != null) {
                instance = withDimension.newInstance(dimension);
            } else {
                Constructor<?> plain = constructor(c);
                if (plain == null) {
                    throw new IllegalArgumentException("--objective-class " + name
                            + " needs a public constructor taking the dimension (int) or none");
                }
                instance = plain.newInstance();
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException("--objective-class " + name + ": its constructor failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("--objective-class " + name + " cannot be instantiated: " + e, e);
        }
        Objective f = (Objective) instance;
        if (f.dimension() < 1) {
            throw new IllegalArgumentException("--objective-class " + name + " reports dimension " + f.dimension());
        }
        return f;
    }

    private static Constructor<?> constructor(Class<?> c, Class<?>... parameters) {
        try {
            Constructor<?> k = c.getConstructor(parameters);
            return java.lang.reflect.Modifier.isPublic(c.getModifiers()) ? k : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
