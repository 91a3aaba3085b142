<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Hash;
use Illuminate\Validation\Rules\Password;

class AuthController extends Controller
{
    public function login(Request $request)
    {
        $credentials = $request->validate([
            'email' => ['required', 'email'],
            'password' => ['required'],
        ]);

        if (Auth::attempt($credentials, $request->boolean('remember'))) {
            $request->session()->regenerate();
            return redirect()->intended('/bookings');
        }

        return back()->withErrors(['email' => __('auth.failed')])->onlyInput('email');
    }

    public function changePassword(Request $request)
    {
        $request->validate([
            'current_password' => ['required', 'current_password'],
            'password' => ['required', 'confirmed', Password::min(12)->mixedCase()->numbers()],
        ]);
        $request->user()->forceFill(['password' => Hash::make($request->password)])->save();
        return back()->with('status', 'password-updated');
    }

    public function apiToken(Request $request)
    {
        $token = $request->user()->createToken('cli')->plainTextToken;
        return response()->json(['token' => $token, 'token_type' => 'Bearer']);
    }
}
