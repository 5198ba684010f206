${msg("bulwarkEmailCodeBody", code, minutes)}

${msg("bulwarkEmailCodeNotYou")}
