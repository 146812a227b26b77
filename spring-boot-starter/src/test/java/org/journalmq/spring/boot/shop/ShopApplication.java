package org.journalmq.spring.boot.shop;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The application of the starter's tests: a shop that records orders and shipments with JPA and
 * passes them on through JournalMQ, configured by nothing but the starter and properties.
 */
@SpringBootApplication
public class ShopApplication {

    /**
     * The entity tables get the run's private prefix ({@code shop.table-prefix}), so that runs
     * sharing one PostgreSQL database never see each other's rows.
     */
    @Bean
    PhysicalNamingStrategy shopTableNames(Environment environment) {
        String prefix = environment.getProperty("shop.table-prefix", "");
        return new PhysicalNamingStrategyStandardImpl() {
            @Override
            public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment context) {
                return Identifier.toIdentifier(prefix + name.getText(), name.isQuoted());
            }
        };
    }
}
