// The bridge service (transports, durable outbox, rates, downlink) is built under the open issue "Regulator bridge".
