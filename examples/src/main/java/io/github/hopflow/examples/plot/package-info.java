/**
 * Figures on XChart: heat maps of a function over a rectangle with a colour bar, contour lines
 * (marching squares), minimiser markers, point clouds coloured by their density values, grids of
 * panels and animations, and line charts. These draw the paper's figures: the geodesic balls of
 * Fig. 2, the objective and stationary density of Fig. 3, the point-cloud evolution of Fig. 4 and
 * the runtime of Fig. 5 (HNN paper, Sec. V-C).
 *
 * <p>Rendering is deterministic: the same data give the same pixels on the same JVM and fonts.
 */
package io.github.hopflow.examples.plot;
