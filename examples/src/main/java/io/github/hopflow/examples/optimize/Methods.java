package io.github.hopflow.examples.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The catalogue of optimisation methods, by name, each with its default hyper-parameters. */
public final class Methods {

    private static final Map<String, Supplier<Optimizer>> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put(DiffusionSearch.NAME, () -> DiffusionSearch.of(DiffusionSearch.Settings.defaults()));
        METHODS.put(ParticleSearch.PAPER, () -> ParticleSearch.paper(ParticleSearch.Settings.defaults()));
        METHODS.put(ParticleSearch.LANGEVIN, () -> ParticleSearch.langevin(ParticleSearch.Settings.defaults()));
        METHODS.put(GradientMultistart.HOPFIELD, GradientMultistart::hopfield);
        METHODS.put(GradientMultistart.MIRROR, GradientMultistart::mirror);
        METHODS.put(SimulatedAnnealing.NAME, SimulatedAnnealing::new);
        METHODS.put(CmaEs.NAME, CmaEs::new);
        METHODS.put(RandomSearch.NAME, RandomSearch::new);
    }

    private Methods() {
    }

    /** The names {@link #byName} accepts, in the order the output lists them. */
    public static List<String> names() {
        return List.copyOf(METHODS.keySet());
    }

    /**
     * The method called {@code name}, with default hyper-parameters.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Optimizer byName(String name) {
        Supplier<Optimizer> s = name == null ? null : METHODS.get(name.trim().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException(
                    "unknown method '" + name + "'; known methods: " + String.join(", ", METHODS.keySet()));
        }
        return s.get();
    }

    /** Every method, with default hyper-parameters. */
    public static List<Optimizer> all() {
        List<Optimizer> out = new ArrayList<>();
        for (Supplier<Optimizer> s : METHODS.values()) {
            out.add(s.get());
        }
        return out;
    }
}
