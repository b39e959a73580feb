package dev.lifeboat.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A real data source whose store can be made unreachable and reachable again, as a network outage would. */
public final class SwitchableDataSource implements DataSource {
    private final DataSource real;
    private volatile boolean down;
    private volatile boolean hung;
    private final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

    public SwitchableDataSource(DataSource real) {
        this.real = real;
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
        hung = false;
    }

    /** The store stops answering: a connection is waited for (up to 30 s, or until {@link #up}) and then refused. */
    public void hang() {
        hung = true;
    }

    /** How many connections were asked for so far. */
    public int asked() {
        return asked.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        asked.incrementAndGet();
        long until = System.nanoTime() + 30_000_000_000L;
        while (hung && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (down || hung) {
            throw new SQLTransientConnectionException("Connection to db.internal:5432 refused (test outage)", "08001");
        }
        return real.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return real.isWrapperFor(iface);
    }
}
