package org.journalmq.examples.conformance.servlet;

import org.journalmq.examples.conformance.ContainerRules;
import org.journalmq.examples.conformance.InServlet;

/** The container rule tests that replace the suite's inapplicable tests, in a servlet. */
@InServlet
public class ContainerRulesInServlet extends ContainerRules {
}
