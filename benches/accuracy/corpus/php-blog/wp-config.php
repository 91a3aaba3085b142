<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', 'acme_blog' );

/** Database username */
define( 'DB_USER', 'blog_wp' );

/** Database password */
define( 'DB_PASSWORD', 'eaglenevada47' );

/** Database hostname */
define( 'DB_HOST', 'mysql-blog.acme-hosting.net' );

define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         'RYxMGoOzQE.Og9Of10ChpxQVWAQkEcOWXiN9U_J2osk8zxTmPNTGr1ZkoJfOWvLA' );
define( 'SECURE_AUTH_KEY',  'aU.NiBWWMOb-EjTrSc6FZeIrf6wXolnykHEeC..tHhYPhWZu6IDAQjjmI-GJqVbM' );
define( 'LOGGED_IN_KEY',    'pd8uH0.jjM*c.f47dnx02hD62GOYszQHeZStNbtIkhOZ7*qawD!WCZ76gbMx6NuX' );
define( 'NONCE_KEY',        'lt0h48i-8nyO41bnDOQvY-jEFuxIO87L8QzQHUnD4NC0jsA-g!X1WYR1eJaWAiW_' );
define( 'AUTH_SALT',        'E76ynjQt7DA-jY5w!UAienpOTsdHi8vKzYPrM.IblniPhMsLewItjr8WBLJVhvSC' );
define( 'SECURE_AUTH_SALT', 'PYt7IOjIlEahC*fzeA8DmLhG5x_76QltbsFi9FD.cnEVjSXTY!CJcDV_pIsqcSG5' );
define( 'LOGGED_IN_SALT',   'rgOTTWAQIgpakYHS3WxWQcg33Tz4wkLXECBM-HTLXjRvim023a3VKT!9U6K*9l9a' );
define( 'NONCE_SALT',       'hNTTeNTuZI76qhj-XB6O3.ysLirfH*kA5Yo16-vhuG4PW*mhHHs9wET7k56OcGVJ' );
/**#@-*/

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'FS_METHOD', 'ftpext' );
define( 'FTP_USER', 'acmeblog' );
define( 'FTP_PASS', 'starwarsoregon90' );
define( 'FTP_HOST', 'ftp.acme-hosting.net' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
