/** A user's module: the density flow of the paper's example through hopflow's public API. */
module org.example.consumer {
    requires io.github.hopflow.geometry;
    requires io.github.hopflow.sde;
    requires io.github.hopflow.wasserstein;
    requires org.apache.commons.rng.api;
    requires org.apache.commons.rng.simple;
}
