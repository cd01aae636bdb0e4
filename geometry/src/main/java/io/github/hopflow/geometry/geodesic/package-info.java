/**
 * Geodesics of flat diagonal (Hopfield) metrics: the geodesic distance d_G (HNN paper, eqs. (13),
 * (30) with the √β correction), geodesic curves as straight lines in isometric coordinates (the
 * solution of the geodesic ODE (12); eq. (29) for the paper's example) and geodesic balls (Fig. 2).
 */
package io.github.hopflow.geometry.geodesic;
