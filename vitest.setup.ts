// Tests never touch the network: refuse every outbound connection that is not to a loopback address.
import { installLoopbackOnlyGuard } from '@envscaler/testing/network-guard';

installLoopbackOnlyGuard();
