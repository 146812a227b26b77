package org.journalmq.examples.rules;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.Inbox;

/** The container-rules application: this package, the example's Inbox, and its MDBs bound to the adapter. */
public final class RulesDeployment {

    private RulesDeployment() {
    }

    /** {@code extra} are the test's own classes (the IT and its helpers), which Arquillian runs in the WAR. */
    public static WebArchive war(Class<?>... extra) {
        StringBuilder binding = new StringBuilder("<glassfish-ejb-jar><enterprise-beans>");
        for (Class<?> mdb : new Class<?>[] {SelectorMdb.class, LookupsMdb.class, SharedDurableMdb.class,
                ClientIdDurableMdb.class}) {
            binding.append("<ejb><ejb-name>").append(mdb.getSimpleName()).append("</ejb-name>")
                    .append("<mdb-resource-adapter><resource-adapter-mid>journalmq-ra</resource-adapter-mid>")
                    .append("</mdb-resource-adapter></ejb>");
        }
        binding.append("</enterprise-beans></glassfish-ejb-jar>");
        return ShrinkWrap.create(WebArchive.class, "rules.war")
                .addPackage(RulesDeployment.class.getPackage())
                .addClass(Inbox.class)
                .addClasses(extra)
                .addAsWebInfResource(new StringAsset(binding.toString()), "glassfish-ejb-jar.xml");
    }
}
