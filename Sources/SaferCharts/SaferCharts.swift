// Charts (issue 4) live here.
