package io.funnel.reporting.webhooks;

import io.funnel.platform.api.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Where webhooks may send. A URL is absolute http(s); unless {@code funnel.webhooks.allow-private-targets}, its host
 * must not be or resolve to a loopback, private, link-local (cloud metadata) or otherwise internal address, so that
 * whoever configures a webhook cannot make this service call into its own network (SSRF). The check runs when a
 * webhook is saved and again before every attempt, on the address then connected to, so a DNS answer that changed
 * since does not get through.
 */
@ApplicationScoped
public class WebhookTargets {

    static final int MAX_URL_LENGTH = 2048;
    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final String INTERNAL = "must not point to a loopback, private or link-local address";

    /** The target is internal or cannot be resolved; the message names the host, never the whole URL. */
    static final class RefusedTarget extends RuntimeException {
        RefusedTarget(String message) {
            super(message);
        }
    }

    private final Vertx vertx;
    private final boolean allowPrivate;

    public WebhookTargets(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        this.allowPrivate = config.allowPrivateTargets();
    }

    /** 422 on {@code url} unless an absolute http or https URL with a host. */
    static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw ProblemException.unprocessable("url", "must be an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ProblemException.unprocessable("url", "must be an absolute http or https URL");
        }
    }

    /** 422 when the host is or resolves to an internal address; a name that does not resolve (yet) is accepted. */
    Uni<Void> refuseInternal(URI url) {
        if (allowPrivate) {
            return Uni.createFrom().voidItem();
        }
        return lookUp(url).onFailure(UnknownHostException.class).recoverWithItem(new InetAddress[0])
                .invoke(addresses -> {
                    if (Arrays.stream(addresses).anyMatch(WebhookTargets::isInternal)) {
                        throw ProblemException.unprocessable("url", INTERNAL);
                    }
                }).replaceWithVoid();
    }

    /** The address to connect to for an attempt; fails with {@link RefusedTarget} when there is none allowed. */
    Uni<InetAddress> resolve(URI url) {
        return lookUp(url)
                .onFailure(UnknownHostException.class).transform(e -> new RefusedTarget("Cannot resolve host "
                        + url.getHost()))
                .map(addresses -> {
                    if (!allowPrivate && Arrays.stream(addresses).anyMatch(WebhookTargets::isInternal)) {
                        throw new RefusedTarget("Refused: " + url.getHost() + " resolves to an internal address");
                    }
                    return addresses[0];
                });
    }

    /** The host without the brackets of an IPv6 literal. */
    static String host(URI url) {
        String host = url.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private Uni<InetAddress[]> lookUp(URI url) {
        return vertx.executeBlocking(() -> InetAddress.getAllByName(host(url)), false);
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                       // "this network"
                    || (first == 100 && second >= 64 && second <= 127)  // carrier-grade NAT, 100.64.0.0/10
                    || (first == 192 && second == 0 && b[2] == 0)       // IETF protocol assignments, 192.0.0.0/24
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                    || first >= 240;                                    // reserved and broadcast
        }
        if ((b[0] & 0xfe) == 0xfc) {                                    // unique local, fc00::/7
            return true;
        }
        return isNat64(b) && isInternal(embeddedIpv4(b));
    }

    /** 64:ff9b::/96 carries an IPv4 address in its last four bytes. */
    private static boolean isNat64(byte[] b) {
        byte[] prefix = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
        return Arrays.equals(Arrays.copyOf(b, 12), prefix);
    }

    private static InetAddress embeddedIpv4(byte[] b) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are an IPv4 address", e);
        }
    }
}
